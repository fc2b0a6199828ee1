package dev.cobooauth.test;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the defaults, the annotation points the {@code cobo.*} properties at a simulator where the
 * generated app key is installed in org-1 and org-2 and the API key acts for org-1.
 */
@SpringBootTest(classes = AutoConfigureCoboSimulatorTest.Empty.class)
@AutoConfigureCoboSimulator
class AutoConfigureCoboSimulatorTest {

	@Autowired
	private Environment environment;

	@Autowired
	private CoboSimulator sim;

	@Test
	void pointsTheBaseUrlAtTheSimulator() {
		assertThat(this.environment.getProperty("cobo.base-url")).isEqualTo(this.sim.baseUrl());
	}

	@Test
	void setsTheSimulatorsResponseKey() {
		assertThat(this.environment.getProperty("cobo.response-verification.public-key"))
			.isEqualTo(this.sim.responsePublicKeyHex());
	}

	@Test
	void setsTheAppProperties() {
		assertThat(this.environment.getProperty("cobo.app.client-id")).isEqualTo("sim-client");
		assertThat(this.environment.getProperty("cobo.app.private-key")).matches("[0-9a-f]{64}");
		assertThat(this.environment.getProperty("cobo.app.key-type")).isEqualTo("ed25519");
	}

	@Test
	void setsTheApiKeyProperties() {
		assertThat(this.environment.getProperty("cobo.api-key.private-key")).matches("[0-9a-f]{64}")
			.isNotEqualTo(this.environment.getProperty("cobo.app.private-key"));
		assertThat(this.environment.getProperty("cobo.api-key.key-type")).isEqualTo("ed25519");
	}

	@Test
	void installsTheAppInEachDefaultOrg() {
		CoboSigner appKey = key("cobo.app.private-key");

		assertThat(CoboCalls.orgImplicit(this.sim, appKey, "sim-client", "org-1").status()).isEqualTo(200);
		assertThat(CoboCalls.orgImplicit(this.sim, appKey, "sim-client", "org-2").status()).isEqualTo(200);
	}

	@Test
	void registersTheApiKeyForTheFirstOrg() {
		Answer answer = CoboCalls.listWallets(this.sim, key("cobo.api-key.private-key"));

		assertThat(answer.json().get("data").get(0).get("org_id").asString()).isEqualTo("org-1");
	}

	private CoboSigner key(String property) {
		return CoboSigner.of(KeyType.ED25519, this.environment.getProperty(property), property);
	}

	@SpringBootConfiguration
	static class Empty {

	}

}
