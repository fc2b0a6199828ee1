package dev.cobooauth.test;

import java.time.Duration;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wallets and transfers: who may call them (an API key for its org, an app key with a live Org Access
 * Token of its own), what an expired token gets, and what the endpoints answer.
 */
@ExtendWith(CoboSimulatorExtension.class)
class WaasEndpointTest {

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
	void anApiKeyListsTheWalletsOfItsOrg() {
		Answer answer = CoboCalls.listWallets(this.sim, this.apiKey.signer());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("data").valueStream().map((wallet) -> wallet.get("org_id").asString()))
			.hasSize(6)
			.containsOnly("org-1");
		assertThat(answer.json().get("pagination").get("total_count").asInt()).isEqualTo(6);
	}

	@Test
	void anAppKeyListsTheWalletsOfItsTokensOrg() {
		Answer answer = CoboCalls.listWallets(this.sim, this.appKey.signer(), orgAccessToken("org-2"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("data").get(0).get("org_id").asString()).isEqualTo("org-2");
	}

	@Test
	void refusesAnAppKeyCallWithoutABearerToken() {
		Answer answer = WireRequest.get(this.sim, this.appKey.signer(), "/v2/wallets").send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2022);
		assertThat(this.sim.counters().rejections(Rejection.MISSING_TOKEN)).isEqualTo(1);
	}

	@Test
	void answersAnExpiredOrgAccessTokenWith500AndErrorCode1000() {
		String token = orgAccessToken("org-1");
		this.sim.advanceTime(Duration.ofSeconds(43199));

		Answer answer = CoboCalls.listWallets(this.sim, this.appKey.signer(), token);

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.errorCode()).isEqualTo(1000);
		assertThat(answer.json().propertyNames()).containsExactly("error_code", "error_message", "error_id");
	}

	@Test
	void acceptsAnOrgAccessTokenJustBeforeItExpires() {
		String token = orgAccessToken("org-1");
		this.sim.advanceTime(Duration.ofSeconds(43190));

		assertThat(CoboCalls.listWallets(this.sim, this.appKey.signer(), token).status()).isEqualTo(200);
	}

	@Test
	void refusesAnUnknownBearerToken() {
		Answer answer = CoboCalls.listWallets(this.sim, this.appKey.signer(), "made-up");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.field("error")).isEqualTo("invalid_token");
	}

	@Test
	void refusesATokenIssuedToAnotherApp() {
		TestKeyPair otherAppKey = TestKeyPair.generate(KeyType.ED25519);
		this.sim.registerApp("client-2", otherAppKey.publicKeyHex(), "org-1");
		String othersToken = CoboCalls.orgImplicit(this.sim, otherAppKey.signer(), "client-2", "org-1")
			.field("access_token");

		Answer answer = CoboCalls.listWallets(this.sim, this.appKey.signer(), othersToken);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.field("error_description")).contains("another app");
	}

	@Test
	void filtersByWalletTypeAndHonoursLimit() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("wallet_type=MPC&limit=1")
			.send();

		JsonNode body = answer.json();
		assertThat(body.get("data")).hasSize(1);
		assertThat(body.get("data").get(0).get("wallet_type").asString()).isEqualTo("MPC");
		assertThat(body.get("pagination").get("total_count").asInt()).isEqualTo(2);
		assertThat(body.get("pagination").get("after").asString())
			.isEqualTo(body.get("data").get(0).get("wallet_id").asString());
		assertThat(body.get("pagination").get("before").asString()).isEmpty();
	}

	@Test
	void filtersByAPercentEncodedValueDecoded() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("wallet_subtype=Safe%7BWallet%7D")
			.send();

		assertThat(answer.json().get("data")).hasSize(1);
		assertThat(answer.json().get("data").get(0).get("wallet_subtype").asString()).isEqualTo("Safe{Wallet}");
	}

	@Test
	void pagesForwardFromTheAfterCursor() {
		String after = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("limit=4")
			.send()
			.json()
			.get("pagination")
			.get("after")
			.asString();

		JsonNode next = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("limit=4&after=" + after)
			.send()
			.json();

		assertThat(next.get("data")).hasSize(2);
		assertThat(next.get("pagination").get("after").asString()).isEmpty();
		assertThat(next.get("pagination").get("before").asString())
			.isEqualTo(next.get("data").get(0).get("wallet_id").asString());
	}

	@Test
	void refusesAnUnknownWalletType() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").query("wallet_type=Paper").send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2006);
	}

	@Test
	void refusesALimitAboveFifty() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").query("limit=51").send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2006);
	}

	@Test
	void getsOneWalletById() {
		String walletId = CoboCalls.listWallets(this.sim, this.apiKey.signer())
			.json()
			.get("data")
			.get(2)
			.get("wallet_id")
			.asString();

		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/" + walletId).send();

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.field("wallet_id")).isEqualTo(walletId);
	}

	@Test
	void answersAWalletOfAnotherOrgWith404() {
		String otherOrgsWallet = CoboCalls.listWallets(this.sim, this.appKey.signer(), orgAccessToken("org-2"))
			.json()
			.get("data")
			.get(0)
			.get("wallet_id")
			.asString();

		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/" + otherOrgsWallet).send();

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.errorCode()).isEqualTo(2028);
	}

	@Test
	void answersAnUnknownWalletWith404AndErrorCode2028AsCobosResourceNotFound() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/no-such-wallet").send();

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.errorCode()).isEqualTo(2028);
		assertThat(answer.field("error_message")).isEqualTo("Wallet 'no-such-wallet' not found in org 'org-1'");
		assertThat(this.sim.counters().rejections(Rejection.NOT_FOUND)).isEqualTo(1);
	}

	@Test
	void submitsATransferWith201() {
		Answer answer = transfer(this.apiKey, null, "t-1");

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.field("request_id")).isEqualTo("t-1");
		assertThat(answer.field("transaction_id")).isNotBlank();
		assertThat(answer.field("status")).isEqualTo("Submitted");
	}

	@Test
	void refusesADuplicateRequestIdInTheSameOrg() {
		transfer(this.apiKey, null, "t-1");

		Answer answer = transfer(this.apiKey, null, "t-1");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(12009);
	}

	@Test
	void acceptsTheSameRequestIdInAnotherOrg() {
		transfer(this.apiKey, null, "t-1");

		assertThat(transfer(this.appKey, orgAccessToken("org-2"), "t-1").status()).isEqualTo(201);
	}

	@Test
	void refusesATransferWithoutRequestId() {
		Answer answer = WireRequest.post(this.sim, this.apiKey.signer(), "/v2/transactions/transfer", "{}").send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2003);
	}

	@Test
	void answersAnUnknownEndpointWith404() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallet").send();

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.errorCode()).isEqualTo(2028);
		assertThat(answer.field("error_message")).contains("GET /v2/wallets");
	}

	private String orgAccessToken(String orgId) {
		return CoboCalls.orgImplicit(this.sim, this.appKey.signer(), "client-1", orgId).field("access_token");
	}

	private Answer transfer(TestKeyPair key, String bearer, String requestId) {
		WireRequest request = WireRequest.post(this.sim, key.signer(), "/v2/transactions/transfer",
				Transfers.toAddress(requestId));
		return ((bearer != null) ? request.bearer(bearer) : request).send();
	}

}
