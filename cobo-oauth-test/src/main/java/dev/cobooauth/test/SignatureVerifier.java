package dev.cobooauth.test;

import java.util.HexFormat;

import dev.cobooauth.signing.InvalidCoboKeyException;
import dev.cobooauth.signing.KeyType;

/**
 * The simulator's check of a request signature against a registered public key, one implementation per
 * key type. Written apart from the starter's signing on purpose: the client signs with one
 * implementation and the simulator verifies with another, so a bug in either breaks the tests instead of
 * cancelling out. Implementations are immutable and thread-safe.
 */
sealed interface SignatureVerifier permits Ed25519SignatureVerifier, Secp256k1SignatureVerifier {

	/**
	 * @param keyType the key's type
	 * @param publicKeyHex the public key: 64 hex characters for Ed25519, 66 (compressed point) for secp256k1
	 * @param source what the key is, named in errors
	 * @throws InvalidCoboKeyException if the text is not a public key of that type
	 */
	static SignatureVerifier of(KeyType keyType, String publicKeyHex, String source) {
		byte[] publicKey = parsePublicKey(publicKeyHex, source);
		return switch (keyType) {
			case ED25519 -> new Ed25519SignatureVerifier(publicKey, source);
			case SECP256K1 -> new Secp256k1SignatureVerifier(publicKey, source);
		};
	}

	/** @return the public key, lower-case hex: the form the simulator registers keys under */
	String publicKeyHex();

	/**
	 * @param digest the 32-byte {@link CoboDigest} of what was signed
	 * @param signatureBytes the signature as decoded from hex
	 * @return whether the signature is this key's over the digest; {@code false} for any malformed signature
	 */
	boolean verify(byte[] digest, byte[] signatureBytes);

	/**
	 * @param digest the 32-byte {@link CoboDigest} of what was signed
	 * @param signatureHex the signature as received, hex in any letter case; surrounding white space is ignored
	 * @return whether the signature is this key's over the digest; {@code false} for text that is not hex
	 */
	default boolean verify(byte[] digest, String signatureHex) {
		if (signatureHex == null) {
			return false;
		}
		try {
			return verify(digest, HexFormat.of().parseHex(signatureHex.strip()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
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

}
