package dev.cobooauth.it;

import java.time.Duration;

import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.TestKeyPair;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library without Spring Boot, built from code as an application without Boot builds it, against
 * the simulator: {@code CoboTokens} for an org's calls with its Org Access Token, and a configurer
 * alone for calls with the organization's own API key.
 */
@ExtendWith(CoboSimulatorExtension.class)
class WithoutSpringBootTest {

	@Test
	void callsWaasForAnOrgWithItsOrgAccessToken(CoboSimulator sim) {
		TestKeyPair appSecret = TestKeyPair.generate(KeyType.ED25519);
		sim.registerApp("my-app", appSecret.publicKeyHex(), "org-1");
		String clientId = "my-app";
		String hex = appSecret.privateKeyHex();
		CoboEndpoint endpoint = endpointOf(sim);

		CoboTokens tokens = CoboTokens.builder(endpoint)
			.portalApp(clientId, CoboSigner.of(KeyType.ED25519, hex, "app secret"))
			.tokenRequests((requests) -> requests.retry(3, Duration.ofMillis(200), Duration.ofSeconds(5)))
			.build();
		RestClient cobo = RestClient.builder().apply(tokens.orgClients().restClientConfigurer(null)).build();
		String wallets = cobo.get().uri("/wallets").attributes(CoboOrg.id("org-1")).retrieve().body(String.class);

		assertThat(wallets).contains("\"org_id\":\"org-1\"");
		assertThat(sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
	}

	@Test
	void callsWaasForTheOwnOrganizationWithItsApiKey(CoboSimulator sim) {
		TestKeyPair apiSecret = TestKeyPair.generate(KeyType.ED25519);
		sim.registerApiKey(apiSecret.publicKeyHex(), "org-1");
		String apiSecretHex = apiSecret.privateKeyHex();
		CoboEndpoint endpoint = endpointOf(sim);

		CoboSigner apiKey = CoboSigner.of(KeyType.ED25519, apiSecretHex, "API secret");
		RestClient own = RestClient.builder().apply(CoboRestClientConfigurer.forApiKey(endpoint, apiKey)).build();
		String wallets = own.get().uri("/wallets").retrieve().body(String.class);

		assertThat(wallets).contains("\"org_id\":\"org-1\"");
		assertThat(sim.lastRequest().header("Authorization")).isNull();
	}

	/** The simulator's base URL and response key; Cobo's own are {@code CoboEndpoint.of(CoboEnvironment.SANDBOX)}. */
	private static CoboEndpoint endpointOf(CoboSimulator sim) {
		return CoboEndpoint.builder(sim.baseUrl()).responsePublicKey(sim.responsePublicKeyHex(), "simulator").build();
	}

}
