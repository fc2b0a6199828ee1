package dev.cobooauth.test;

import java.time.Duration;
import java.util.List;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Org Access Tokens: {@code org_implicit} for an installed app, single-use refresh tokens, expiry on
 * the simulator clock, revocation on uninstall.
 */
@ExtendWith(CoboSimulatorExtension.class)
class OrgTokenTest {

	private static final String CLIENT_ID = "client-1";

	private final TestKeyPair appKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void registerApp(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApp(CLIENT_ID, this.appKey.publicKeyHex(), "org-1");
	}

	@Test
	void issuesAnOrgAccessTokenToAnInstalledApp() {
		Answer answer = orgImplicit("org-1");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode token = answer.json();
		assertThat(token.propertyNames()).containsExactly("access_token", "token_type", "scope", "expires_in",
				"refresh_token");
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("scope").asString()).isEmpty();
		assertThat(token.get("expires_in").asLong()).isEqualTo(43199);
		assertThat(token.get("access_token").asString()).isNotBlank();
		assertThat(token.get("refresh_token").asString()).isNotBlank();
	}

	@Test
	void acceptsAnAppKeyOfTypeSecp256k1() {
		TestKeyPair secp256k1 = TestKeyPair.generate(KeyType.SECP256K1);
		this.sim.registerApp("client-k1", secp256k1.publicKeyHex(), "org-1");

		assertThat(CoboCalls.orgImplicit(this.sim, secp256k1.signer(), "client-k1", "org-1").status()).isEqualTo(200);
	}

	@Test
	void refusesOrgImplicitForAnOrgWithoutTheApp() {
		Answer answer = orgImplicit("org-9");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.field("error")).isEqualTo("unauthorized_client");
		assertThat(answer.field("error_description")).contains("org-9");
	}

	@Test
	void issuesATokenOnceTheAppIsInstalled() {
		this.sim.installApp(CLIENT_ID, "org-9");

		assertThat(orgImplicit("org-9").status()).isEqualTo(200);
	}

	@Test
	void refusesAClientIdOtherThanTheSigningApps() {
		Answer answer = CoboCalls.orgImplicit(this.sim, this.appKey.signer(), "client-2", "org-1");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.field("error")).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnOrgTokenRequestSignedWithAnApiKey() {
		TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);
		this.sim.registerApiKey(apiKey.publicKeyHex(), "org-1");

		Answer answer = CoboCalls.orgImplicit(this.sim, apiKey.signer(), CLIENT_ID, "org-1");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.field("error")).isEqualTo("invalid_client");
	}

	@Test
	void refusesAnUnsupportedGrantType() {
		Answer answer = WireRequest.get(this.sim, this.appKey.signer(), "/v2/oauth/token")
			.query("client_id=client-1&org_id=org-1&grant_type=client_credentials")
			.send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.field("error")).isEqualTo("unsupported_grant_type");
	}

	@Test
	void refusesARequestWithoutAnOrgId() {
		Answer answer = WireRequest.get(this.sim, this.appKey.signer(), "/v2/oauth/token")
			.query("client_id=client-1&grant_type=org_implicit")
			.send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.field("error")).isEqualTo("invalid_request");
		assertThat(answer.field("error_description")).contains("org_id");
	}

	@Test
	void refreshIssuesANewAccessTokenAndANewRefreshToken() {
		JsonNode first = orgImplicit("org-1").json();

		Answer answer = refresh(first.get("refresh_token").asString());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.field("access_token")).isNotEqualTo(first.get("access_token").asString());
		assertThat(answer.field("refresh_token")).isNotEqualTo(first.get("refresh_token").asString());
		assertThat(answer.field("scope")).isEmpty();
	}

	@Test
	void refusesAReusedRefreshToken() {
		String refreshToken = orgImplicit("org-1").field("refresh_token");
		refresh(refreshToken);

		Answer reuse = refresh(refreshToken);

		assertThat(reuse.status()).isEqualTo(400);
		assertThat(reuse.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refusesAnUnknownRefreshToken() {
		assertThat(refresh("not-a-token").field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void refusesTheOldAccessTokenAfterARefresh() {
		JsonNode first = orgImplicit("org-1").json();
		refresh(first.get("refresh_token").asString());

		Answer answer = CoboCalls.listWallets(this.sim, this.appKey.signer(), first.get("access_token").asString());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(this.sim.counters().rejections(Rejection.INVALID_TOKEN)).isEqualTo(1);
	}

	@Test
	void refusesARefreshTokenPastItsLifetime() {
		String refreshToken = orgImplicit("org-1").field("refresh_token");
		this.sim.advanceTime(Duration.ofDays(31));

		Answer answer = refresh(refreshToken);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.field("error")).isEqualTo("invalid_grant");
		assertThat(answer.field("error_description")).contains("expired");
	}

	@Test
	void givesExactlyOneOfConcurrentRefreshesWithOneTokenANewPair() {
		String refreshToken = orgImplicit("org-1").field("refresh_token");
		String body = "{\"client_id\":\"client-1\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken
				+ "\"}";

		List<Integer> statuses = CoboCalls.statusesOfConcurrent(20,
				() -> WireRequest.post(this.sim, this.appKey.signer(), "/v2/oauth/token", body));

		assertThat(statuses).containsOnly(200, 400).filteredOn((status) -> status == 200).hasSize(1);
	}

	@Test
	void uninstallingRevokesTheOrgsTokens() {
		JsonNode token = orgImplicit("org-1").json();
		this.sim.uninstallApp(CLIENT_ID, "org-1");

		assertThat(CoboCalls.listWallets(this.sim, this.appKey.signer(), token.get("access_token").asString()).status())
			.isEqualTo(401);
		assertThat(refresh(token.get("refresh_token").asString()).field("error")).isEqualTo("invalid_grant");
		assertThat(orgImplicit("org-1").field("error")).isEqualTo("unauthorized_client");
	}

	@Test
	void reportsTheConfiguredAccessTokenLifetime() {
		try (CoboSimulator shortLived = CoboSimulator.builder().orgAccessTokenLifetime(Duration.ofSeconds(60)).start()) {
			shortLived.registerApp(CLIENT_ID, this.appKey.publicKeyHex(), "org-1");

			Answer answer = CoboCalls.orgImplicit(shortLived, this.appKey.signer(), CLIENT_ID, "org-1");

			assertThat(answer.json().get("expires_in").asLong()).isEqualTo(60);
		}
	}

	private Answer orgImplicit(String orgId) {
		return CoboCalls.orgImplicit(this.sim, this.appKey.signer(), CLIENT_ID, orgId);
	}

	private Answer refresh(String refreshToken) {
		return CoboCalls.refreshOrgToken(this.sim, this.appKey.signer(), CLIENT_ID, refreshToken);
	}

}
