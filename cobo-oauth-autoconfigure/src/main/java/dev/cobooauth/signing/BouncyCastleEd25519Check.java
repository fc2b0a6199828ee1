package dev.cobooauth.signing;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies Ed25519 signatures with BouncyCastle.
 */
final class BouncyCastleEd25519Check implements SignatureCheck {

	private final Ed25519PublicKeyParameters publicKey;

	BouncyCastleEd25519Check(byte[] publicKey) {
		// Decoded once: decoding the point costs about as much as a tenth of a verification.
		this.publicKey = new Ed25519PublicKeyParameters(publicKey, 0);
	}

	@Override
	public boolean verify(byte[] digest, byte[] signature) {
		// Straight to the key, whose point was decoded once: an Ed25519Signer would copy the digest
		// into a buffer of its own and take a lock on every call.
		return this.publicKey.verify(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signature, 0);
	}

}
