package dev.cobooauth.oauth2;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the token a call carried is dead but marking it so fails (the store or its lock is
 * unavailable), the call fails with that failure, and Cobo's answer is still closed or released:
 * no connection is left behind on either stack.
 */
class DeadTokenFailurePathsTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	/** Serves the first token request, then is unavailable, as a database that went away. */
	private final TokenLock failingAfterFirstUse = new TokenLock() {

		private final AtomicInteger uses = new AtomicInteger();

		@Override
		public <T extends @Nullable Object> T inLock(String registrationId, String principalName, Supplier<T> section) {
			if (this.uses.incrementAndGet() > 1) {
				throw new IllegalStateException("token lock unavailable");
			}
			return section.get();
		}

	};

	private CoboTokens tokens() {
		return tokens(CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.build());
	}

	private CoboTokens tokens(CoboEndpoint endpoint) {
		return CoboTokens.builder(endpoint)
			.portalApp("app-1", TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519))
			.tokenLock(this.failingAfterFirstUse)
			.build();
	}

	@Test
	void restClientClosesCobosAnswerWhenMarkingTheTokenDeadFails() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(401, "{\"error\":\"invalid_token\"}"));
		AtomicInteger opened = new AtomicInteger();
		AtomicInteger closed = new AtomicInteger();
		RestClient client = RestClient.builder()
			.apply(tokens().restClientConfigurer("org-1"))
			.requestInterceptor((request, body, execution) -> {
				opened.incrementAndGet();
				return new CloseCounting(execution.execute(request, body), closed);
			})
			.build();

		assertThatThrownBy(() -> client.get().uri("/wallets").retrieve().body(String.class))
			.hasMessageContaining("token lock unavailable");
		assertThat(opened).hasValue(1);
		assertThat(closed).hasValue(1);
	}

	@Test
	void webClientReleasesCobosAnswerWhenDiscardingTheTokenFails() throws InterruptedException {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(401, "{\"error\":\"invalid_token\"}"));
		CountDownLatch released = new CountDownLatch(1);
		// Without response verification, which would read every body whole before this filter sees it.
		CoboEndpoint unverified = CoboEndpoint.builder(this.server.url("/v2").toString())
			.withoutResponseVerification()
			.build();
		WebClient client = WebClient.builder()
			.apply(tokens(unverified).webClientConfigurer("org-1"))
			.filter((request, next) -> next.exchange(request)
				.map((response) -> response.mutate()
					.body((body) -> body.doFinally((signal) -> released.countDown()))
					.build()))
			.build();

		assertThatThrownBy(() -> client.post()
			.uri("/transactions/transfer")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"request_id\":\"r-1\"}")
			.retrieve()
			.bodyToMono(String.class)
			.block()).hasMessageContaining("token lock unavailable");
		// The body completes on the connector's thread, maybe just after the caller saw the failure.
		assertThat(released.await(5, TimeUnit.SECONDS)).as("the answer's body was released").isTrue();
	}

	private static final class CloseCounting implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final AtomicInteger closed;

		CloseCounting(ClientHttpResponse response, AtomicInteger closed) {
			this.response = response;
			this.closed = closed;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() throws IOException {
			return this.response.getBody();
		}

		@Override
		public void close() {
			this.closed.incrementAndGet();
			this.response.close();
		}

	}

}
