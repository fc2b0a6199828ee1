package dev.cobooauth.test;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, refusals included, is signed with the simulator's Ed25519 key as Cobo signs its answers.
 */
@ExtendWith(CoboSimulatorExtension.class)
class ResponseSigningTest {

	/** RFC 8032, test 1: the public key of this seed is known. */
	private static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

	private static final String RFC8032_PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	@Test
	void signsASuccessfulAnswer(CoboSimulator sim) {
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");

		Answer answer = CoboCalls.listWallets(sim, this.apiKey.signer());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.isSignedBy(sim.responsePublicKeyHex())).isTrue();
	}

	@Test
	void signsARefusal(CoboSimulator sim) {
		Answer answer = CoboCalls.listWallets(sim, this.apiKey.signer());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.isSignedBy(sim.responsePublicKeyHex())).isTrue();
	}

	@Test
	void answersWithJson(CoboSimulator sim) {
		assertThat(CoboCalls.listWallets(sim, this.apiKey.signer()).header("Content-Type"))
			.isEqualTo("application/json");
	}

	@Test
	void signsWithTheKeyOfAFixedSeed() {
		try (CoboSimulator sim = CoboSimulator.builder().responseSigningSeed(RFC8032_SEED).start()) {
			Answer answer = CoboCalls.listWallets(sim, this.apiKey.signer());

			assertThat(sim.responsePublicKeyHex()).isEqualTo(RFC8032_PUBLIC_KEY);
			assertThat(answer.isSignedBy(RFC8032_PUBLIC_KEY)).isTrue();
		}
	}

	@Test
	void spellsTheSignatureHeadersWithUnderscoresWhenAsked() {
		try (CoboSimulator sim = CoboSimulator.builder()
			.responseHeaderSpelling(ResponseHeaderSpelling.UNDERSCORE)
			.start()) {
			Answer answer = CoboCalls.listWallets(sim, this.apiKey.signer());

			assertThat(answer.header("BIZ-TIMESTAMP")).isNull();
			assertThat(answer.isSignedBy(sim.responsePublicKeyHex(), ResponseHeaderSpelling.UNDERSCORE)).isTrue();
		}
	}

	@Test
	void timestampsAnswersInMilliseconds(CoboSimulator sim) {
		long before = System.currentTimeMillis();

		long timestamp = Long.parseLong(CoboCalls.listWallets(sim, this.apiKey.signer()).header("BIZ-TIMESTAMP"));

		assertThat(timestamp).isBetween(before, System.currentTimeMillis());
	}

}
