package dev.cobooauth.test;

import java.security.SecureRandom;
import java.util.HexFormat;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.InvalidCoboKeyException;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.signing.PrivateKeySecret;

/**
 * A fresh random key pair for a test: register its public key with the simulator and give its
 * private key to the client under test. {@link #toString()} shows only the public key.
 */
public final class TestKeyPair {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyType keyType;

	private final String privateKeyHex;

	private final CoboSigner signer;

	private TestKeyPair(KeyType keyType, String privateKeyHex, CoboSigner signer) {
		this.keyType = keyType;
		this.privateKeyHex = privateKeyHex;
		this.signer = signer;
	}

	/**
	 * @param keyType the kind of key
	 * @return a new random key pair of that kind
	 */
	public static TestKeyPair generate(KeyType keyType) {
		while (true) {
			byte[] secret = new byte[32];
			RANDOM.nextBytes(secret);
			String hex = HexFormat.of().formatHex(secret);
			try {
				return new TestKeyPair(keyType, hex, keyType.newSigner(PrivateKeySecret.fromHex(hex, "generated key")));
			}
			catch (InvalidCoboKeyException ex) {
				// Astronomically rare: a secp256k1 scalar of zero or above the curve order. Draw again.
			}
		}
	}

	/** @return the kind of key */
	public KeyType keyType() {
		return this.keyType;
	}

	/** @return the private key as 64 hex characters, the form of {@code cobo.*.private-key} */
	public String privateKeyHex() {
		return this.privateKeyHex;
	}

	/** @return the public key as hex, the form of {@code BIZ-API-KEY} and of the simulator's registrations */
	public String publicKeyHex() {
		return this.signer.publicKeyHex();
	}

	/** @return a signer holding the private key */
	public CoboSigner signer() {
		return this.signer;
	}

	@Override
	public String toString() {
		return "TestKeyPair[" + this.keyType + ", publicKey=" + publicKeyHex() + "]";
	}

}
