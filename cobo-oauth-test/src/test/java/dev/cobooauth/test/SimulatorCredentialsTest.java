package dev.cobooauth.test;

import java.util.List;
import java.util.Locale;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The credentials registered with a simulator work there, and their properties point the starter at it.
 */
@ExtendWith(CoboSimulatorExtension.class)
class SimulatorCredentialsTest {

	@Test
	void pointsThePropertiesAtTheSimulator(CoboSimulator sim) {
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, "app-1", List.of("org-a"));

		assertThat(credentials.properties()).containsEntry("cobo.base-url", sim.baseUrl())
			.containsEntry("cobo.response-verification.public-key", sim.responsePublicKeyHex())
			.containsEntry("cobo.app.client-id", "app-1")
			.containsEntry("cobo.app.key-type", "ed25519")
			.containsEntry("cobo.api-key.key-type", "ed25519");
	}

	@Test
	void hidesTheSettingsOfARealCobo(CoboSimulator sim) {
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, "app-1", List.of("org-a"));

		assertThat(credentials.properties()).containsEntry("cobo.env", "")
			.containsEntry("cobo.app.private-key-location", "")
			.containsEntry("cobo.api-key.private-key-location", "")
			.containsEntry("cobo.response-verification.enabled", "true")
			.containsEntry("cobo.webhook.public-key", sim.responsePublicKeyHex());
	}

	@Test
	void installsTheAppInEveryOrg(CoboSimulator sim) {
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, "app-1", List.of("org-a", "org-b"));
		CoboSigner appKey = key(credentials, "cobo.app.private-key");

		assertThat(CoboCalls.orgImplicit(sim, appKey, "app-1", "org-a").status()).isEqualTo(200);
		assertThat(CoboCalls.orgImplicit(sim, appKey, "app-1", "org-b").status()).isEqualTo(200);
		assertThat(CoboCalls.orgImplicit(sim, appKey, "app-1", "org-c").status()).isEqualTo(400);
	}

	@Test
	void registersTheApiKeyForTheFirstOrg(CoboSimulator sim) {
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, "app-1", List.of("org-a", "org-b"));

		Answer answer = CoboCalls.listWallets(sim, key(credentials, "cobo.api-key.private-key"));

		assertThat(answer.json().get("data").get(0).get("org_id").asString()).isEqualTo("org-a");
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void registersKeysOfTheTypeAskedForAndNamesIt(KeyType keyType, CoboSimulator sim) {
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, "app-1", List.of("org-a"), keyType);
		String name = keyType.name().toLowerCase(Locale.ROOT);
		CoboSigner appKey = key(credentials, "cobo.app.private-key", keyType);
		CoboSigner apiKey = key(credentials, "cobo.api-key.private-key", keyType);

		assertThat(credentials.properties()).containsEntry("cobo.app.key-type", name)
			.containsEntry("cobo.api-key.key-type", name);
		assertThat(appKey.publicKeyHex()).hasSize((keyType == KeyType.ED25519) ? 64 : 66);
		assertThat(CoboCalls.orgImplicit(sim, appKey, "app-1", "org-a").status()).isEqualTo(200);
		assertThat(CoboCalls.listWallets(sim, apiKey).status()).isEqualTo(200);
	}

	@Test
	void needsAKeyType(CoboSimulator sim) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorCredentials.register(sim, "app-1", List.of("org-a"), null))
			.withMessage("keyType cannot be null");
	}

	@Test
	void showsNoPrivateKey(CoboSimulator sim) {
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, "app-1", List.of("org-a"));

		assertThat(credentials.toString()).contains("app-1", "org-a")
			.doesNotContain(credentials.properties().get("cobo.app.private-key"))
			.doesNotContain(credentials.properties().get("cobo.api-key.private-key"));
	}

	@Test
	void needsAnOrg(CoboSimulator sim) {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCredentials.register(sim, "app-1", List.of()))
			.withMessageContaining("orgIds");
	}

	private static CoboSigner key(SimulatorCredentials credentials, String property) {
		return key(credentials, property, KeyType.ED25519);
	}

	private static CoboSigner key(SimulatorCredentials credentials, String property, KeyType keyType) {
		return CoboSigner.of(keyType, credentials.properties().get(property), property);
	}

}
