package dev.cobooauth.signing;

import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a signature over a Cobo digest against a public key: Cobo's response signatures (always
 * Ed25519) and, for a server such as the simulator, request signatures of either key type.
 * Ed25519 keys are checked on the {@link CryptoProvider} chosen, secp256k1 keys with BouncyCastle.
 * Instances are immutable and thread-safe.
 */
final class CoboSignatureVerifier {

	private final KeyType keyType;

	private final SignatureCheck check;

	private final String publicKeyHex;

	private CoboSignatureVerifier(KeyType keyType, byte[] publicKey, CryptoProvider provider) {
		this.keyType = keyType;
		this.check = SignatureCheck.of(keyType, publicKey, provider.resolve());
		this.publicKeyHex = HexFormat.of().formatHex(publicKey);
	}

	/**
	 * @param keyType the key's type
	 * @param publicKeyHex the public key: 64 hex characters for Ed25519, 66 (compressed) for secp256k1
	 * @param source where the key came from, named in errors
	 * @return a verifier for that key
	 * @throws InvalidCoboKeyException if the key is not a public key of that type
	 */
	public static CoboSignatureVerifier of(KeyType keyType, String publicKeyHex, String source) {
		return of(keyType, publicKeyHex, source, CryptoProvider.AUTO);
	}

	/**
	 * @param keyType the key's type
	 * @param publicKeyHex the public key: 64 hex characters for Ed25519, 66 (compressed) for secp256k1
	 * @param source where the key came from, named in errors
	 * @param provider what verifies Ed25519 signatures
	 * @return a verifier for that key
	 * @throws InvalidCoboKeyException if the key is not a public key of that type
	 * @throws IllegalStateException if the provider is {@link CryptoProvider#AWS_LC} and cannot be used
	 */
	static CoboSignatureVerifier of(KeyType keyType, String publicKeyHex, String source, CryptoProvider provider) {
		byte[] key = parsePublicKey(publicKeyHex, source);
		if (keyType == KeyType.ED25519 && key.length != Ed25519PublicKeyParameters.KEY_SIZE) {
			throw new InvalidCoboKeyException(source,
					"has " + key.length * 2 + " hex characters; an Ed25519 public key has 64");
		}
		if (keyType == KeyType.SECP256K1) {
			checkSecp256k1Point(key, source);
		}
		return new CoboSignatureVerifier(keyType, key, provider);
	}

	private static byte[] parsePublicKey(String hex, String source) {
		if (hex == null || hex.isBlank()) {
			throw new InvalidCoboKeyException(source, "is empty; expected a hex public key");
		}
		try {
			return HexFormat.of().parseHex(hex.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCoboKeyException(source, "is not a hex public key");
		}
	}

	private static void checkSecp256k1Point(byte[] key, String source) {
		try {
			Secp256k1.DOMAIN.getCurve().decodePoint(key);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCoboKeyException(source, "is not a secp256k1 public key (a 33-byte compressed point)");
		}
	}

	/**
	 * @param digest the 32-byte digest made by {@link SigningDigest}
	 * @param signatureHex the signature as sent, hex; any letter case
	 * @return whether the signature is valid (never throws for a malformed signature)
	 */
	public boolean verify(byte[] digest, String signatureHex) {
		byte[] signature;
		try {
			signature = HexFormat.of().parseHex(signatureHex.strip());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return false;
		}
		if (this.keyType == KeyType.ED25519 && signature.length != Ed25519.SIGNATURE_SIZE) {
			return false;
		}
		return this.check.verify(digest, signature);
	}

	/**
	 * @param provider what checks Ed25519 signatures from now on
	 * @return a verifier of the same key on that provider
	 * @throws IllegalStateException if the provider is {@link CryptoProvider#AWS_LC} and cannot be used
	 */
	CoboSignatureVerifier on(CryptoProvider provider) {
		return new CoboSignatureVerifier(this.keyType, HexFormat.of().parseHex(this.publicKeyHex), provider);
	}

	/** @return the key type */
	public KeyType getKeyType() {
		return this.keyType;
	}

	/** @return the public key, lower-case hex */
	public String getPublicKeyHex() {
		return this.publicKeyHex;
	}

	@Override
	public String toString() {
		return "CoboSignatureVerifier[" + this.keyType + ", " + this.publicKeyHex + "]";
	}

}
