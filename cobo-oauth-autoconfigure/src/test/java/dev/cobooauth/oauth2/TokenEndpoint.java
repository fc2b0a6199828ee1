package dev.cobooauth.oauth2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.testsupport.SignedResponses;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.awaitility.Awaitility;

/**
 * A fake Cobo for tests where token requests and WaaS calls may interleave: token requests get the
 * given answers in turn, every other call a signed 200, and both are recorded.
 */
public final class TokenEndpoint extends Dispatcher {

	private final Deque<MockResponse> tokenAnswers;

	private final List<String> tokenRequests = new ArrayList<>();

	private final List<String> bearers = new ArrayList<>();

	/**
	 * @param tokenAnswers what token requests get, in turn
	 */
	public TokenEndpoint(MockResponse... tokenAnswers) {
		this.tokenAnswers = new ArrayDeque<>(List.of(tokenAnswers));
	}

	@Override
	public synchronized MockResponse dispatch(RecordedRequest request) {
		if (request.getTarget().startsWith("/v2/oauth/token")) {
			this.tokenRequests.add(request.getMethod());
			MockResponse answer = this.tokenAnswers.poll();
			return (answer != null) ? answer : SignedResponses.signed(400, "{\"error\":\"invalid_request\"}");
		}
		this.bearers.add(request.getHeaders().get("Authorization"));
		return SignedResponses.signed(200, "{}");
	}

	/**
	 * @param count how many token requests to wait for
	 */
	public void awaitTokenRequests(int count) {
		Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> tokenRequests().size() >= count);
	}

	/** @return the methods of the token requests, in order */
	public synchronized List<String> tokenRequests() {
		return List.copyOf(this.tokenRequests);
	}

	/** @return the Authorization headers of the WaaS calls, in order */
	public synchronized List<String> bearers() {
		return List.copyOf(this.bearers);
	}

}
