package dev.cobooauth.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Signature;

/**
 * Verifies Ed25519 signatures in AWS-LC, through Amazon Corretto Crypto Provider.
 */
final class AwsLcEd25519Check implements SignatureCheck {

	private final SignaturePool signatures;

	/**
	 * @param publicKey the 32-byte key
	 * @param provider Amazon Corretto Crypto Provider, healthy
	 */
	AwsLcEd25519Check(byte[] publicKey, Provider provider) {
		PublicKey key = Ed25519Keys.publicKey(publicKey);
		this.signatures = new SignaturePool(() -> {
			Signature signature = Signature.getInstance("Ed25519", provider);
			signature.initVerify(key);
			return signature;
		});
	}

	@Override
	public boolean verify(byte[] digest, byte[] signature) {
		try {
			return this.signatures.apply((verification) -> {
				verification.update(digest);
				return verification.verify(signature);
			});
		}
		catch (GeneralSecurityException ex) {
			// What BouncyCastle answers too: a signature that cannot even be checked is not valid.
			return false;
		}
	}

}
