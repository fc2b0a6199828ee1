package dev.cobooauth.test;

import java.util.List;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters by endpoint, org, grant and refusal; the requests as they arrived; and what the resets forget.
 */
@ExtendWith(CoboSimulatorExtension.class)
class CountersAndRecordingTest {

	private final TestKeyPair appKey = TestKeyPair.generate(KeyType.ED25519);

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void register(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApp("client-1", this.appKey.publicKeyHex(), "org-1", "org-2");
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");
	}

	@Test
	void countsRequestsByEndpointTemplate() {
		CoboCalls.listWallets(this.sim, this.apiKey.signer());
		WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/w-1").send();
		WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/w-2").send();

		assertThat(this.sim.counters().endpoint("GET /v2/wallets")).isEqualTo(1);
		assertThat(this.sim.counters().endpoint("GET /v2/wallets/{wallet_id}")).isEqualTo(2);
		assertThat(this.sim.counters().requests()).isEqualTo(3);
	}

	@Test
	void countsSuccessfulRequestsByOrg() {
		String token = CoboCalls.orgImplicit(this.sim, this.appKey.signer(), "client-1", "org-2").field("access_token");
		CoboCalls.listWallets(this.sim, this.appKey.signer(), token);
		CoboCalls.listWallets(this.sim, this.apiKey.signer());

		assertThat(this.sim.counters().org("org-2")).isEqualTo(2);
		assertThat(this.sim.counters().org("org-1")).isEqualTo(1);
	}

	@Test
	void countsGrants() {
		String refreshToken = CoboCalls.orgImplicit(this.sim, this.appKey.signer(), "client-1", "org-1")
			.field("refresh_token");
		CoboCalls.refreshOrgToken(this.sim, this.appKey.signer(), "client-1", refreshToken);
		String permissionRefresh = CoboCalls.exchangePermissionToken(this.sim, this.apiKey.signer())
			.field("refresh_token");
		CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(), permissionRefresh);
		CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(), permissionRefresh);

		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
		assertThat(this.sim.counters().grant(Grant.REFRESH_TOKEN)).isEqualTo(1);
		assertThat(this.sim.counters().grant(Grant.PERMISSION_EXCHANGE)).isEqualTo(1);
		assertThat(this.sim.counters().grant(Grant.PERMISSION_REFRESH)).isEqualTo(1);
	}

	@Test
	void countsRefusalsByReason() {
		CoboCalls.listWallets(this.sim, TestKeyPair.generate(KeyType.ED25519).signer());
		WireRequest.get(this.sim, this.appKey.signer(), "/v2/wallets").send();

		assertThat(this.sim.counters().rejections(Rejection.UNKNOWN_API_KEY)).isEqualTo(1);
		assertThat(this.sim.counters().rejections(Rejection.MISSING_TOKEN)).isEqualTo(1);
		assertThat(this.sim.counters().rejections()).isEqualTo(2);
	}

	@Test
	void recordsTheRequestAsItArrived() {
		WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("project_id=a%20b")
			.signedQuery("project_id=a+b")
			.send();

		RecordedRequest request = this.sim.lastRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.rawPath()).isEqualTo("/v2/wallets");
		assertThat(request.rawQuery()).isEqualTo("project_id=a%20b");
		assertThat(request.header("biz-api-key")).isEqualTo(this.apiKey.publicKeyHex());
		assertThat(request.body()).isEmpty();
	}

	@Test
	void recordsTheBodyBytes() {
		WireRequest.post(this.sim, this.apiKey.signer(), "/v2/transactions/transfer", "{\"request_id\":\"é\"}").send();

		assertThat(this.sim.lastRequest().bodyText()).isEqualTo("{\"request_id\":\"é\"}");
	}

	@Test
	void keepsOnlyTheLastRecordedRequests() {
		try (CoboSimulator small = CoboSimulator.builder().recordedRequestLimit(2).start()) {
			for (String walletId : List.of("w-1", "w-2", "w-3")) {
				WireRequest.get(small, this.apiKey.signer(), "/v2/wallets/" + walletId).send();
			}

			assertThat(small.recordedRequests()).extracting(RecordedRequest::rawPath)
				.containsExactly("/v2/wallets/w-2", "/v2/wallets/w-3");
		}
	}

	@Test
	void hidesHeadersFromTheRecordedRequestsToString() {
		CoboCalls.listWallets(this.sim, this.appKey.signer(), "secret-token");

		assertThat(this.sim.lastRequest().toString()).doesNotContain("secret-token")
			.startsWith("RecordedRequest[GET /v2/wallets");
	}

	@Test
	void resetCountersKeepsRegistrations() {
		CoboCalls.listWallets(this.sim, this.apiKey.signer());

		this.sim.resetCounters();

		assertThat(this.sim.counters().requests()).isZero();
		assertThat(this.sim.recordedRequests()).isEmpty();
		assertThat(CoboCalls.listWallets(this.sim, this.apiKey.signer()).status()).isEqualTo(200);
	}

	@Test
	void resetForgetsRegistrationsAndTokens() {
		String token = CoboCalls.orgImplicit(this.sim, this.appKey.signer(), "client-1", "org-1").field("access_token");

		this.sim.reset();
		this.sim.registerApp("client-1", this.appKey.publicKeyHex(), "org-1");

		assertThat(CoboCalls.listWallets(this.sim, this.apiKey.signer()).status()).isEqualTo(401);
		assertThat(CoboCalls.listWallets(this.sim, this.appKey.signer(), token).status()).isEqualTo(401);
	}

	@Test
	void serves200ConcurrentSignedRequests() {
		List<Integer> statuses = CoboCalls.statusesOfConcurrent(200,
				() -> WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets"));

		assertThat(statuses).hasSize(200).containsOnly(200);
		assertThat(this.sim.counters().endpoint("GET /v2/wallets")).isEqualTo(200);
	}

}
