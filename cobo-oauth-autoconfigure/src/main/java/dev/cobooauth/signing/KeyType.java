package dev.cobooauth.signing;

/**
 * The two kinds of key pair Cobo accepts for signing requests, as named in {@code key-type}
 * properties ({@code ed25519} or {@code secp256k1}).
 */
public enum KeyType {

	/** Ed25519: the secret is the 32-byte seed; the public key is 32 bytes. Cobo's default. */
	ED25519,

	/** ECDSA over secp256k1: DER, low-S signatures; the public key is the 33-byte compressed point. */
	SECP256K1;

	/**
	 * Builds the built-in signer for this key type, Ed25519 on the provider {@link CryptoProvider#AUTO}
	 * chooses.
	 * @param secret the private key; the signer keeps its own copy
	 * @return a signer holding the key
	 * @throws InvalidCoboKeyException if the secret is not a valid key of this type
	 */
	CoboSigner newSigner(PrivateKeySecret secret) {
		return newSigner(secret, CryptoProvider.AUTO);
	}

	/**
	 * Builds the built-in signer for this key type.
	 * @param secret the private key; the signer keeps its own copy
	 * @param provider what signs with an Ed25519 key; a secp256k1 key always signs with BouncyCastle
	 * @return a signer holding the key
	 * @throws InvalidCoboKeyException if the secret is not a valid key of this type
	 * @throws IllegalStateException if the provider is {@link CryptoProvider#AWS_LC} and cannot be used
	 */
	CoboSigner newSigner(PrivateKeySecret secret, CryptoProvider provider) {
		return switch (this) {
			case ED25519 -> (provider.resolve() == CryptoProvider.AWS_LC)
					? new AwsLcEd25519CoboSigner(secret, AwsLc.probe().provider()) : new Ed25519CoboSigner(secret);
			// Corretto's ECDSA is randomized; Cobo's signatures are deterministic (RFC 6979, low-S).
			case SECP256K1 -> new Secp256k1CoboSigner(secret);
		};
	}

}
