package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Cobo token endpoint that behaves like the real one under load: every answer takes a
 * while, refresh tokens rotate, and a refresh token sent a second time is refused with
 * {@code invalid_grant}. It counts what it was asked.
 */
public final class RotatingTokenServer extends Dispatcher {

	private final Duration latency;

	private final AtomicInteger orgImplicit = new AtomicInteger();

	private final AtomicInteger refreshes = new AtomicInteger();

	private final AtomicInteger invalidGrants = new AtomicInteger();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicReference<String> liveRefreshToken = new AtomicReference<>();

	private final AtomicInteger failuresToGive = new AtomicInteger();

	private final AtomicReference<String> lastIssuedAccessToken = new AtomicReference<>();

	private final AtomicReference<String> deadAccessToken = new AtomicReference<>();

	/**
	 * @param latency how long each token answer takes
	 */
	public RotatingTokenServer(Duration latency) {
		this.latency = latency;
	}

	/**
	 * @param count how many of the next token requests fail with a 400 {@code invalid_request}
	 */
	public void failNext(int count) {
		this.failuresToGive.set(count);
	}

	/**
	 * Makes Cobo treat the access token it issued last as expired before its time: WaaS calls that
	 * carry it get Cobo's answer to an expired token, 500 with {@code error_code} 1000.
	 */
	public void expireIssuedTokenEarly() {
		this.deadAccessToken.set(this.lastIssuedAccessToken.get());
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
		if (!request.getTarget().startsWith("/v2/oauth/token")) {
			if (("Bearer " + this.deadAccessToken.get()).equals(request.getHeaders().get("Authorization"))) {
				return SignedResponses.signed(500, "{\"error_code\":1000,\"error_message\":\"token expired\"}");
			}
			this.calls.incrementAndGet();
			return SignedResponses.signed(200, "{}");
		}
		Thread.sleep(this.latency.toMillis());
		if (this.failuresToGive.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			return SignedResponses.signed(400, "{\"error\":\"invalid_request\",\"error_description\":\"boom\"}");
		}
		if ("GET".equals(request.getMethod())) {
			return issue(this.orgImplicit.incrementAndGet(), "implicit");
		}
		String spent = JsonMapper.builder().build().readTree(request.getBody().utf8()).get("refresh_token").asString();
		if (!spend(spent)) {
			this.invalidGrants.incrementAndGet();
			return TokenResponses.invalidGrant("refresh token already used");
		}
		return issue(this.refreshes.incrementAndGet(), "refresh");
	}

	private boolean spend(String refreshToken) {
		String live = this.liveRefreshToken.get();
		return refreshToken.equals(live) && this.liveRefreshToken.compareAndSet(live, null);
	}

	private MockResponse issue(int number, String kind) {
		String refreshToken = "RT-" + kind + "-" + number;
		this.liveRefreshToken.set(refreshToken);
		this.lastIssuedAccessToken.set("AT-" + kind + "-" + number);
		return TokenResponses.orgToken("AT-" + kind + "-" + number, refreshToken);
	}

	/** @return how many org_implicit grants were asked for */
	public int orgImplicitGrants() {
		return this.orgImplicit.get();
	}

	/** @return how many refreshes succeeded */
	public int refreshes() {
		return this.refreshes.get();
	}

	/** @return how many refreshes were refused for a spent refresh token */
	public int invalidGrants() {
		return this.invalidGrants.get();
	}

	/** @return how many WaaS calls arrived */
	public int calls() {
		return this.calls.get();
	}

}
