package dev.cobooauth.signing;

/**
 * Holds one private key (an app secret or an API secret) and signs Cobo request digests with it.
 * <p>
 * The built-in implementations keep the key in memory ({@link KeyType#newSigner}). Implement this
 * interface to keep the key elsewhere, for example in an HSM or a cloud KMS, and publish it as the
 * {@code coboAppKeySigner} or {@code coboApiKeySigner} bean.
 * <p>
 * Implementations must be thread-safe and must never reveal the private key, in
 * {@code toString()} or anywhere else.
 */
public interface CoboSigner {

	/**
	 * The public key that Cobo knows this signer by, sent as {@code BIZ-API-KEY}.
	 * @return lower-case hex: 32 bytes for Ed25519, a 33-byte compressed point for secp256k1
	 */
	String publicKeyHex();

	/**
	 * Signs a digest made by {@link SigningDigest}.
	 * @param digest the 32-byte double SHA-256 of the string to sign
	 * @return the signature as lower-case hex, sent as {@code BIZ-API-SIGNATURE}
	 */
	String sign(byte[] digest);

}
