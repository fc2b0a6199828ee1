package dev.cobooauth.signing;

/**
 * Holds one private key (an app secret or an API secret) and signs Cobo request digests with it.
 * <p>
 * The built-in implementations keep the key in memory ({@link #of(KeyType, String, String)}).
 * Implement this interface to keep the key elsewhere, for example in an HSM or a cloud KMS, and
 * publish it as the {@code coboAppKeySigner} or {@code coboApiKeySigner} bean.
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
	 * Signs the digest of a request: the 32-byte double SHA-256 of
	 * {@code METHOD|PATH|NONCE|QUERY|BODY}.
	 * @param digest the 32-byte double SHA-256 of the string to sign
	 * @return the signature as lower-case hex, sent as {@code BIZ-API-SIGNATURE}
	 */
	String sign(byte[] digest);

	/**
	 * A signer holding a key in memory, Ed25519 keys signing on the provider
	 * {@link CryptoProvider#AUTO} chooses.
	 * @param keyType the key's type
	 * @param secretHex the private key as 64 hex characters (for Ed25519, the seed)
	 * @param source where the key came from, named in errors (a property or a file), never the key
	 * @return a signer holding its own copy of the key
	 * @throws InvalidCoboKeyException if the text is not a private key of that type, saying why
	 * without showing it
	 */
	static CoboSigner of(KeyType keyType, String secretHex, String source) {
		return of(keyType, secretHex, source, CryptoProvider.AUTO);
	}

	/**
	 * A signer holding a key in memory, Ed25519 keys signing on the provider given. Either
	 * provider gives the same signatures.
	 * @param keyType the key's type
	 * @param secretHex the private key as 64 hex characters (for Ed25519, the seed)
	 * @param source where the key came from, named in errors (a property or a file), never the key
	 * @param provider what signs with an Ed25519 key; a secp256k1 key always signs with BouncyCastle
	 * @return a signer holding its own copy of the key
	 * @throws InvalidCoboKeyException if the text is not a private key of that type, saying why
	 * without showing it
	 * @throws IllegalStateException if the provider is {@link CryptoProvider#AWS_LC} and Amazon
	 * Corretto Crypto Provider is missing or unhealthy, saying which
	 */
	static CoboSigner of(KeyType keyType, String secretHex, String source, CryptoProvider provider) {
		if (provider == null) {
			throw new IllegalArgumentException("provider cannot be null");
		}
		return keyType.newSigner(PrivateKeySecret.fromHex(secretHex, source), provider);
	}

}
