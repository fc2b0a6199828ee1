package dev.cobooauth.test;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation's attributes choose the client id, the orgs and the header spelling; it works in a
 * plain Spring test context too, without Spring Boot.
 */
@SpringJUnitConfig
@AutoConfigureCoboSimulator(clientId = "payments-app", orgIds = { "org-a", "org-b" },
		responseHeaderSpelling = ResponseHeaderSpelling.UNDERSCORE)
class AutoConfigureCoboSimulatorAttributesTest {

	@Autowired
	private CoboSimulator sim;

	@Value("${cobo.app.client-id}")
	private String clientId;

	@Value("${cobo.app.private-key}")
	private String appPrivateKey;

	@Value("${cobo.api-key.private-key}")
	private String apiPrivateKey;

	@Test
	void setsTheClientIdOfTheAttribute() {
		assertThat(this.clientId).isEqualTo("payments-app");
	}

	@Test
	void installsTheAppInTheOrgsOfTheAttribute() {
		Answer answer = CoboCalls.orgImplicit(this.sim, signer(this.appPrivateKey), "payments-app", "org-b");

		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void registersTheApiKeyForTheFirstOrgOfTheAttribute() {
		Answer answer = CoboCalls.listWallets(this.sim, signer(this.apiPrivateKey));

		assertThat(answer.json().get("data").get(0).get("org_id").asString()).isEqualTo("org-a");
	}

	@Test
	void spellsTheResponseHeadersAsTheAttributeSays() {
		Answer answer = CoboCalls.orgImplicit(this.sim, signer(this.appPrivateKey), "payments-app", "org-a");

		assertThat(answer.isSignedBy(this.sim.responsePublicKeyHex(), ResponseHeaderSpelling.UNDERSCORE)).isTrue();
	}

	private static CoboSigner signer(String privateKeyHex) {
		return CoboSigner.of(KeyType.ED25519, privateKeyHex, "generated key");
	}

}
