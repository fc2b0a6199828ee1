package dev.cobooauth.signing;

import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.WireSignature;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request whose signature Cobo refuses (401, {@code error_code} 2023: also a nonce and signature
 * another instance sharing the key sent first) was not processed: it is signed afresh and sent once
 * more, a POST included, and only once. Each stack's test supplies how to make a call.
 */
public abstract class RefusedSignatureContract {

	private static final String REFUSED = "{\"error_code\":2023,\"error_message\":\"API signature validation failed\"}";

	@StartStop
	protected final MockWebServer server = new MockWebServer();

	private final String appKey = TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519).publicKeyHex();

	/**
	 * @param endpoint where Cobo is
	 * @param signer the key
	 * @param method the method
	 * @param body a JSON body, or null
	 * @return the body Cobo answered
	 */
	protected abstract String call(CoboEndpoint endpoint, CoboSigner signer, HttpMethod method, String body);

	/**
	 * @param failure what a call threw for an HTTP error status
	 * @return the status the stack's exception reports
	 */
	protected abstract int statusOf(Throwable failure);

	private String call(HttpMethod method, String body) {
		CoboEndpoint endpoint = CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.build();
		return call(endpoint, TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519), method, body);
	}

	@Test
	void signsAPostCoboRefusedAsAReplayAfreshAndSendsItOnceMore() throws InterruptedException {
		this.server.enqueue(SignedResponses.signed(401, REFUSED));
		this.server.enqueue(SignedResponses.signed(201, "{\"ok\":true}"));

		assertThat(call(HttpMethod.POST, "{\"request_id\":\"r-1\"}")).isEqualTo("{\"ok\":true}");

		RecordedRequest refused = this.server.takeRequest();
		RecordedRequest resent = this.server.takeRequest();
		assertThat(resent.getMethod()).isEqualTo("POST");
		assertThat(WireSignature.bodyOf(resent)).isEqualTo("{\"request_id\":\"r-1\"}");
		assertThat(resent.getHeaders().get("BIZ-API-NONCE")).isNotEqualTo(refused.getHeaders().get("BIZ-API-NONCE"));
		assertThat(resent.getHeaders().get("BIZ-API-SIGNATURE"))
			.isNotEqualTo(refused.getHeaders().get("BIZ-API-SIGNATURE"));
		assertThat(WireSignature.verifies(resent, this.appKey)).isTrue();
	}

	@Test
	void sendsARefusedRequestOnlyOnceMore() {
		this.server.enqueue(SignedResponses.signed(401, REFUSED));
		this.server.enqueue(SignedResponses.signed(401, REFUSED));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		assertThatThrownBy(() -> call(HttpMethod.GET, null)).satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(401));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void neverResendsARequestRefusedForAnotherReason() {
		this.server.enqueue(SignedResponses.signed(401, "{\"error_code\":2024,\"error_message\":\"unknown key\"}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		assertThatThrownBy(() -> call(HttpMethod.POST, "{}")).satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(401));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void neverResendsARefusalCoboDidNotSign() {
		this.server.enqueue(SignedResponses.unsigned(401, REFUSED));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		assertThatThrownBy(() -> call(HttpMethod.POST, "{}"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

}
