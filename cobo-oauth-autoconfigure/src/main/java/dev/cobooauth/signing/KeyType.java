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
	 * Builds the built-in signer for this key type.
	 * @param secret the private key; the signer keeps its own copy
	 * @return a signer holding the key
	 * @throws InvalidCoboKeyException if the secret is not a valid key of this type
	 */
	CoboSigner newSigner(PrivateKeySecret secret) {
		return switch (this) {
			case ED25519 -> new Ed25519CoboSigner(secret);
			case SECP256K1 -> new Secp256k1CoboSigner(secret);
		};
	}

}
