package dev.cobooauth.signing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateKeySecretTest {

	private static final String SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

	@Test
	void acceptsAKeyFileWithATrailingNewline() {
		assertThat(PrivateKeySecret.fromHex(SECRET + "\n", "file")).isEqualTo(PrivateKeySecret.fromHex(SECRET, "p"));
	}

	@Test
	void namesThePropertyWhenTheKeyIsTooShort() {
		assertThatThrownBy(() -> PrivateKeySecret.fromHex(SECRET.substring(1), "cobo.app.private-key"))
			.isInstanceOf(InvalidCoboKeyException.class)
			.hasMessageStartingWith("cobo.app.private-key: has 63 hex characters; expected 64")
			.hasMessageNotContaining(SECRET.substring(1, 20));
	}

	@Test
	void namesThePropertyWhenTheKeyIsNotHex() {
		String bad = "z" + SECRET.substring(1);

		assertThatThrownBy(() -> PrivateKeySecret.fromHex(bad, "cobo.api-key.private-key"))
			.isInstanceOf(InvalidCoboKeyException.class)
			.hasMessage("cobo.api-key.private-key: is not hex: character 1 of 64 is not 0-9 or a-f");
	}

	@Test
	void recognisesAPublicKeyGivenInPlaceOfTheSecret() {
		String publicKey = "032c8c31fc9f990c6b55e3865a184a4ce50e09481f2eaeb3e60ec1cea13a6ae645";

		assertThatThrownBy(() -> PrivateKeySecret.fromHex(publicKey, "cobo.app.private-key"))
			.hasMessageContaining("looks like a secp256k1 public key");
	}

	@Test
	void refusesAPemDocument() {
		assertThatThrownBy(() -> PrivateKeySecret.fromHex("-----BEGIN PRIVATE KEY-----\nMC4C...", "cobo.app.private-key"))
			.hasMessageContaining("is a PEM document");
	}

	@Test
	void refusesAnEmptyKey() {
		assertThatThrownBy(() -> PrivateKeySecret.fromHex("  ", "cobo.app.private-key")).hasMessageContaining("is empty");
	}

	@Test
	void neverShowsTheKeyInToString() {
		PrivateKeySecret secret = PrivateKeySecret.fromHex(SECRET, "cobo.app.private-key");

		assertThat(secret.toString()).doesNotContain(SECRET.substring(0, 8)).contains("cobo.app.private-key");
	}

	@Test
	void refusesASecp256k1ScalarOutsideTheCurveOrder() {
		PrivateKeySecret zero = PrivateKeySecret.fromHex("0".repeat(64), "cobo.app.private-key");

		assertThatThrownBy(() -> KeyType.SECP256K1.newSigner(zero)).isInstanceOf(InvalidCoboKeyException.class)
			.hasMessageStartingWith("cobo.app.private-key: is not a valid secp256k1 private key");
	}

	@Test
	void signersShowOnlyThePublicKey() {
		CoboSigner signer = KeyType.ED25519.newSigner(PrivateKeySecret.fromHex(SECRET, "p"));

		assertThat(signer.toString()).contains(signer.publicKeyHex()).doesNotContain(SECRET.substring(0, 8));
	}

}
