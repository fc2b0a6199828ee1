package dev.cobooauth.test;

import dev.cobooauth.signing.KeyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test key pair's public key is derived by the simulator, its signer is the starter's: the two must
 * name the same key.
 */
class TestKeyPairTest {

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void derivesThePublicKeyTheStartersSignerAnnounces(KeyType keyType) {
		TestKeyPair pair = TestKeyPair.generate(keyType);

		assertThat(pair.publicKeyHex()).isEqualTo(pair.signer().publicKeyHex());
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void theSimulatorVerifiesWhatTheStartersSignerSigns(KeyType keyType) {
		TestKeyPair pair = TestKeyPair.generate(keyType);
		SignatureVerifier verifier = SignatureVerifier.of(keyType, pair.publicKeyHex(), "test");
		byte[] digest = CoboDigest.ofRequest("GET", "/v2/wallets", "1700000000000", "", new byte[0]);

		assertThat(verifier.verify(digest, pair.signer().sign(digest))).isTrue();
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void showsNoPrivateKey(KeyType keyType) {
		TestKeyPair pair = TestKeyPair.generate(keyType);

		assertThat(pair.toString()).contains(pair.publicKeyHex()).doesNotContain(pair.privateKeyHex());
	}

}
