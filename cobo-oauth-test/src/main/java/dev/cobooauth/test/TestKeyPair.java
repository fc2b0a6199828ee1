package dev.cobooauth.test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A fresh random key pair for a test: register its public key with the simulator and give its
 * private key to the client under test. {@link #toString()} shows only the public key.
 * <p>
 * The simulator derives the public key itself; {@link #signer()} is the starter's signer for the same
 * private key. Two implementations that must agree: a test whose requests the simulator does not
 * recognise points at one of them.
 */
public final class TestKeyPair {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int SECRET_BYTES = 32;

	private final KeyType keyType;

	private final String privateKeyHex;

	private final String publicKeyHex;

	private final CoboSigner signer;

	private TestKeyPair(KeyType keyType, byte[] secret) {
		this.keyType = keyType;
		this.privateKeyHex = HexFormat.of().formatHex(secret);
		this.publicKeyHex = HexFormat.of().formatHex(publicKeyOf(keyType, secret));
		this.signer = CoboSigner.of(keyType, this.privateKeyHex, "generated key");
	}

	/**
	 * @param keyType the kind of key
	 * @return a new random key pair of that kind
	 * @throws IllegalArgumentException if the key type is null
	 */
	public static TestKeyPair generate(KeyType keyType) {
		if (keyType == null) {
			throw new IllegalArgumentException("keyType cannot be null");
		}
		return new TestKeyPair(keyType, randomSecret(keyType));
	}

	private static byte[] randomSecret(KeyType keyType) {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		// Astronomically rare: a secp256k1 scalar of zero or above the curve order. Draw again.
		while (keyType == KeyType.SECP256K1 && !Secp256k1Curve.isPrivateKey(new BigInteger(1, secret))) {
			RANDOM.nextBytes(secret);
		}
		return secret;
	}

	/** @return the public key of a private key, as Cobo knows it: 32 bytes (Ed25519) or a 33-byte compressed point */
	static byte[] publicKeyOf(KeyType keyType, byte[] secret) {
		return switch (keyType) {
			case ED25519 -> new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
			case SECP256K1 -> Secp256k1Curve.compressedPublicKey(new BigInteger(1, secret));
		};
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
		return this.publicKeyHex;
	}

	/** @return a signer holding the private key */
	public CoboSigner signer() {
		return this.signer;
	}

	@Override
	public String toString() {
		return "TestKeyPair[" + this.keyType + ", publicKey=" + this.publicKeyHex + "]";
	}

}
