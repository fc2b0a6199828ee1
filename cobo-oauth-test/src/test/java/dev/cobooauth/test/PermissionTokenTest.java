package dev.cobooauth.test;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permission Access Tokens: exchanged and refreshed with an org's API key, answered 201, rotated.
 */
@ExtendWith(CoboSimulatorExtension.class)
class PermissionTokenTest {

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void registerApiKey(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");
	}

	@Test
	void exchangeIssuesAPermissionTokenWith201() {
		Answer answer = CoboCalls.exchangePermissionToken(this.sim, this.apiKey.signer());

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.json().propertyNames()).containsExactly("access_token", "token_type", "expires_in",
				"refresh_token");
		assertThat(answer.field("token_type")).isEqualTo("Bearer");
		assertThat(answer.json().get("expires_in").asLong()).isEqualTo(3600);
	}

	@Test
	void refreshRotatesThePermissionTokenWith201() {
		JsonNode first = CoboCalls.exchangePermissionToken(this.sim, this.apiKey.signer()).json();

		Answer answer = CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(),
				first.get("refresh_token").asString());

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.field("access_token")).isNotEqualTo(first.get("access_token").asString());
		assertThat(answer.field("refresh_token")).isNotEqualTo(first.get("refresh_token").asString());
	}

	@Test
	void refusesAReusedPermissionRefreshToken() {
		String refreshToken = CoboCalls.exchangePermissionToken(this.sim, this.apiKey.signer()).field("refresh_token");
		CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(), refreshToken);

		Answer reuse = CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(), refreshToken);

		assertThat(reuse.status()).isEqualTo(400);
		assertThat(reuse.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refusesARefreshTokenOfAnotherOrg() {
		TestKeyPair otherOrgsKey = TestKeyPair.generate(KeyType.ED25519);
		this.sim.registerApiKey(otherOrgsKey.publicKeyHex(), "org-2");
		String refreshToken = CoboCalls.exchangePermissionToken(this.sim, this.apiKey.signer()).field("refresh_token");

		Answer answer = CoboCalls.refreshPermissionToken(this.sim, otherOrgsKey.signer(), refreshToken);

		assertThat(answer.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refusesAnExchangeSignedWithAnAppKey() {
		TestKeyPair appKey = TestKeyPair.generate(KeyType.ED25519);
		this.sim.registerApp("client-1", appKey.publicKeyHex(), "org-1");

		Answer answer = CoboCalls.exchangePermissionToken(this.sim, appKey.signer());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.field("error")).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnExchangeWithoutPermissionType() {
		Answer answer = WireRequest.post(this.sim, this.apiKey.signer(), "/v2/oauth/permission_token/exchange", "{}")
			.send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.field("error")).isEqualTo("invalid_request");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		Answer answer = WireRequest.post(this.sim, this.apiKey.signer(), "/v2/oauth/permission_token/refresh",
				"refresh_token=abc")
			.send();

		assertThat(answer.field("error")).isEqualTo("invalid_request");
	}

}
