package dev.cobooauth.test;

import java.time.Duration;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request must carry the three signature headers of a registered key, a fresh nonce, a
 * signature over the request as the server reads it, and must not be a replay.
 */
@ExtendWith(CoboSimulatorExtension.class)
class RequestAuthenticationTest {

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void registerApiKey(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");
	}

	@Test
	void acceptsARequestSignedWithAnEd25519Key() {
		assertThat(CoboCalls.listWallets(this.sim, this.apiKey.signer()).status()).isEqualTo(200);
	}

	@Test
	void acceptsARequestSignedWithASecp256k1Key() {
		TestKeyPair secp256k1 = TestKeyPair.generate(KeyType.SECP256K1);
		this.sim.registerApiKey(secp256k1.publicKeyHex(), "org-1");

		assertThat(CoboCalls.listWallets(this.sim, secp256k1.signer()).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { RequestSignatureHeaders.API_KEY, RequestSignatureHeaders.API_NONCE,
			RequestSignatureHeaders.API_SIGNATURE })
	void rejectsARequestWithoutASignatureHeader(String header) {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").header(header, null).send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2022);
		assertThat(answer.field("error_message")).contains(header);
	}

	@Test
	void rejectsAnUnregisteredKey() {
		Answer answer = CoboCalls.listWallets(this.sim, TestKeyPair.generate(KeyType.ED25519).signer());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2024);
	}

	@Test
	void rejectsASignatureMadeWithAnotherKey() {
		Answer answer = WireRequest.get(this.sim, TestKeyPair.generate(KeyType.ED25519).signer(), "/v2/wallets")
			.header(RequestSignatureHeaders.API_KEY, this.apiKey.publicKeyHex())
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
		assertThat(this.sim.counters().rejections(Rejection.BAD_SIGNATURE)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "zz", "00", "3000", "300602010102", "3006020100020100", "30060201ff0201ff" })
	void rejectsAMalformedSecp256k1SignatureAsABadSignature(String signature) {
		TestKeyPair secp256k1 = TestKeyPair.generate(KeyType.SECP256K1);
		this.sim.registerApiKey(secp256k1.publicKeyHex(), "org-1");

		Answer answer = WireRequest.get(this.sim, secp256k1.signer(), "/v2/wallets")
			.header(RequestSignatureHeaders.API_SIGNATURE, signature)
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
	}

	@Test
	void rejectsABodyChangedAfterSigning() {
		Answer answer = WireRequest.post(this.sim, this.apiKey.signer(), "/v2/transactions/transfer",
				"{\"request_id\":\"r-2\"}")
			.signedBody("{\"request_id\":\"r-1\"}")
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
	}

	@Test
	void rejectsAQuerySignedWithPercent20ForASpace() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("project_id=hello%20world")
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
		assertThat(answer.field("error_message")).contains("|project_id=hello+world|");
	}

	@Test
	void rejectsAQuerySignedWithPercent7EForATilde() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").query("vault_id=v%7E1").send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
	}

	@Test
	void acceptsAQuerySentWithPercent20ButSignedWithPlus() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.query("project_id=hello%20world")
			.signedQuery("project_id=hello+world")
			.send();

		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void rejectsAPathSignedInDecodedForm() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/a%20b")
			.signedPath("/v2/wallets/a b")
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
	}

	@Test
	void rejectsANonceOlderThanTheWindow() {
		long sixMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(6).toMillis();

		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").nonce(sixMinutesAgo).send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.errorCode()).isEqualTo(2023);
		assertThat(this.sim.counters().rejections(Rejection.INVALID_NONCE)).isEqualTo(1);
	}

	@Test
	void rejectsANonceAheadOfTheWindow() {
		long sixMinutesAhead = System.currentTimeMillis() + Duration.ofMinutes(6).toMillis();

		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").nonce(sixMinutesAhead).send();

		assertThat(this.sim.counters().rejections(Rejection.INVALID_NONCE)).isEqualTo(1);
		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void rejectsANonceThatIsNotDecimalMilliseconds() {
		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets")
			.header(RequestSignatureHeaders.API_NONCE, "2024-01-01T00:00:00Z")
			.send();

		assertThat(answer.status()).isEqualTo(401);
		assertThat(this.sim.counters().rejections(Rejection.INVALID_NONCE)).isEqualTo(1);
	}

	@Test
	void honoursAConfiguredNonceWindow() {
		try (CoboSimulator strict = CoboSimulator.builder().nonceWindow(Duration.ofSeconds(1)).start()) {
			strict.registerApiKey(this.apiKey.publicKeyHex(), "org-1");

			Answer answer = WireRequest.get(strict, this.apiKey.signer(), "/v2/wallets")
				.nonce(System.currentTimeMillis() - 5_000)
				.send();

			assertThat(answer.status()).isEqualTo(401);
		}
	}

	@Test
	void rejectsAReplayedRequest() {
		long nonce = System.currentTimeMillis();
		WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").nonce(nonce).send();

		Answer replay = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets").nonce(nonce).send();

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.errorCode()).isEqualTo(2023);
		assertThat(this.sim.counters().rejections(Rejection.REPLAYED_REQUEST)).isEqualTo(1);
	}

	@Test
	void acceptsTheSameRequestAgainWithANewNonce() {
		CoboCalls.listWallets(this.sim, this.apiKey.signer());

		assertThat(CoboCalls.listWallets(this.sim, this.apiKey.signer()).status()).isEqualTo(200);
	}

	@Test
	void answersARefusalWithErrorCodeMessageAndId() {
		Answer answer = CoboCalls.listWallets(this.sim, TestKeyPair.generate(KeyType.ED25519).signer());

		assertThat(answer.json().propertyNames()).containsExactly("error_code", "error_message", "error_id");
		assertThat(answer.field("error_id")).matches("[0-9a-f]{32}");
	}

}
