package dev.cobooauth.signing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.WireSignature;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpMethod;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a Cobo client does when the connection goes away before Cobo answered, as Cobo's load
 * balancers do to idle keep-alive connections: a GET is sent once more, through the whole chain,
 * so with a new nonce and signature and the token of the moment; a POST never is; and a request
 * that timed out is not, because sending it again would double the wait for a Cobo that is slow.
 * Each stack's test supplies, as {@code clients()}, every HTTP client Boot can pick for it.
 */
abstract class DroppedConnectionContract {

	private static final HttpClientSettings NO_TIMEOUTS = HttpClientSettings.defaults();

	@StartStop
	protected final MockWebServer server = new MockWebServer();

	private final String appKey = signer().publicKeyHex();

	/**
	 * One of the HTTP clients Boot can pick, in a client configured by the stack's configurer with
	 * one authorization step, which puts {@code Authorization: Bearer token-N} on each request that
	 * goes through it, N counting from 1 for each new client.
	 */
	interface Client {

		/**
		 * Makes one call through a new client.
		 * @param endpoint where Cobo is and how its responses are verified
		 * @param signer the key requests are signed with
		 * @param settings the HTTP client's timeouts
		 * @param method the method
		 * @param path the path under the base URL
		 * @param body the JSON body, or null for none
		 * @return the response body the caller got
		 */
		@Nullable String call(CoboEndpoint endpoint, CoboSigner signer, HttpClientSettings settings, HttpMethod method,
				String path, @Nullable String body) throws Exception;

	}

	/**
	 * @return the type of the stack's exception for a request that got no response
	 */
	protected abstract Class<? extends RuntimeException> ioFailure();

	/**
	 * @return whether Apache HttpClient 5 and Reactor Netty are on the classpath, which only the
	 * {@code every-http-client} execution of surefire puts there
	 */
	static boolean everyHttpClientIsPresent() {
		ClassLoader classLoader = DroppedConnectionContract.class.getClassLoader();
		return ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", classLoader)
				&& ClassUtils.isPresent("reactor.netty.http.client.HttpClient", classLoader);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clients")
	void aGetWhoseConnectionWentAwayIsSentOnceMoreNewlySignedWithTheCurrentToken(Client client) throws Exception {
		LoadBalancedCobo cobo = serve(new LoadBalancedCobo(1, Duration.ZERO));

		assertThat(client.call(endpoint(), signer(), NO_TIMEOUTS, HttpMethod.GET, "/wallets", null))
			.isEqualTo("{\"data\":[]}");

		assertThat(cobo.attempts()).as("nonces of the attempts the server saw").hasSize(2);
		RecordedRequest answered = cobo.answered().get(0);
		assertThat(answered.getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
		assertThat(WireSignature.verifies(answered, this.appKey)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clients")
	void aPostWhoseConnectionWentAwayIsNeverSentAgain(Client client) {
		LoadBalancedCobo cobo = serve(new LoadBalancedCobo(1, Duration.ZERO));

		assertThatThrownBy(() -> client.call(endpoint(), signer(), NO_TIMEOUTS, HttpMethod.POST,
				"/transactions/transfer", "{\"request_id\":\"r-1\",\"amount\":\"1\"}"))
			.isInstanceOf(ioFailure())
			.hasCauseInstanceOf(IOException.class);

		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(cobo.answered()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clients")
	void aGetWhoseConnectionWentAwayTwiceFailsAfterTwoAttempts(Client client) {
		LoadBalancedCobo cobo = serve(new LoadBalancedCobo(2, Duration.ZERO));

		assertThatThrownBy(() -> client.call(endpoint(), signer(), NO_TIMEOUTS, HttpMethod.GET, "/wallets", null))
			.isInstanceOf(ioFailure())
			.hasCauseInstanceOf(IOException.class);

		assertThat(cobo.attempts()).hasSize(2);
		assertThat(cobo.answered()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clients")
	void aGetWhoseResponseWasCutOffIsNotSentAgain(Client client) {
		LoadBalancedCobo cobo = serve(new LoadBalancedCobo(0, Duration.ZERO, true));

		// HttpURLConnection reads a cut-off body as a short one, which the signature check refuses.
		assertThatThrownBy(() -> client.call(endpoint(), signer(), NO_TIMEOUTS, HttpMethod.GET, "/wallets", null))
			.satisfiesAnyOf((ex) -> assertThat(ex).hasRootCauseInstanceOf(IOException.class),
					(ex) -> assertThat(ex).isInstanceOf(CoboResponseSignatureException.class));

		assertThat(cobo.attempts()).as("a response arrived, so the connection did not go away before it").hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clients")
	void aGetThatTimedOutIsNotSentAgain(Client client) {
		LoadBalancedCobo cobo = serve(new LoadBalancedCobo(0, Duration.ofMillis(600)));
		HttpClientSettings readTimeout = NO_TIMEOUTS.withReadTimeout(Duration.ofMillis(150));

		assertThatThrownBy(() -> client.call(endpoint(), signer(), readTimeout, HttpMethod.GET, "/wallets", null))
			.isInstanceOf(ioFailure());

		assertThat(cobo.attempts()).hasSize(1);
	}

	private LoadBalancedCobo serve(LoadBalancedCobo cobo) {
		this.server.setDispatcher(cobo);
		return cobo;
	}

	private CoboEndpoint endpoint() {
		return CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.build();
	}

	private static CoboSigner signer() {
		return TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519);
	}

	/**
	 * Cobo behind a load balancer that closes the connection of the first attempts before
	 * answering, and answers every later one, after a delay, or cuts its body off. An attempt is
	 * known by its nonce: the JDK's client, {@code HttpURLConnection} and Apache HttpClient send a GET
	 * whose connection went away once more by themselves, with the same bytes, and every copy of a
	 * dropped attempt is dropped too, so that what is tested is the starter's own attempt, newly
	 * signed.
	 */
	static final class LoadBalancedCobo extends Dispatcher {

		private final int dropped;

		private final Duration delay;

		private final boolean cutOff;

		private final Set<String> attempts = new LinkedHashSet<>();

		private final List<RecordedRequest> answered = new ArrayList<>();

		LoadBalancedCobo(int dropped, Duration delay) {
			this(dropped, delay, false);
		}

		LoadBalancedCobo(int dropped, Duration delay, boolean cutOff) {
			this.dropped = dropped;
			this.delay = delay;
			this.cutOff = cutOff;
		}

		@Override
		public synchronized MockResponse dispatch(RecordedRequest request) {
			this.attempts.add(String.valueOf(request.getHeaders().get(CoboSignatureHeaders.API_NONCE)));
			if (this.attempts.size() <= this.dropped) {
				return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
			}
			this.answered.add(request);
			MockResponse.Builder answer = SignedResponses.signed(200, "{\"data\":[]}")
				.newBuilder()
				.headersDelay(this.delay.toMillis(), TimeUnit.MILLISECONDS);
			if (this.cutOff) {
				answer.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE);
			}
			return answer.build();
		}

		/** @return the nonce of each attempt the server saw, in order */
		synchronized Set<String> attempts() {
			return new LinkedHashSet<>(this.attempts);
		}

		/** @return the requests that were answered */
		synchronized List<RecordedRequest> answered() {
			return new ArrayList<>(this.answered);
		}

	}

}
