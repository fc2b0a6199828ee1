package dev.cobooauth.signing;

/**
 * The cryptography of a {@link CoboSignatureVerifier}: whether a signature, already decoded from
 * hex, is valid over a digest for one public key. Thread-safe; never throws for a bad signature.
 */
@FunctionalInterface
interface SignatureCheck {

	/**
	 * @param digest the 32-byte digest
	 * @param signature the signature's bytes, of the length the key type calls for
	 * @return whether it is valid
	 */
	boolean verify(byte[] digest, byte[] signature);

	/**
	 * @param keyType the key's type
	 * @param publicKey the key's bytes, already checked to be a key of that type
	 * @param provider {@link CryptoProvider#AWS_LC} or {@link CryptoProvider#BOUNCY_CASTLE}; secp256k1
	 * keys always use BouncyCastle
	 * @return the check
	 */
	static SignatureCheck of(KeyType keyType, byte[] publicKey, CryptoProvider provider) {
		if (keyType == KeyType.SECP256K1) {
			return new Secp256k1Check(publicKey);
		}
		return (provider == CryptoProvider.AWS_LC) ? new AwsLcEd25519Check(publicKey, AwsLc.probe().provider())
				: new BouncyCastleEd25519Check(publicKey);
	}

}
