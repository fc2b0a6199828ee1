package dev.cobooauth.test;

import java.util.HexFormat;

import dev.cobooauth.signing.InvalidCoboKeyException;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Verifies Ed25519 signatures whose message is the 32-byte digest itself (pure Ed25519, no prehash),
 * as Cobo's SDKs sign.
 */
final class Ed25519SignatureVerifier implements SignatureVerifier {

	private final Ed25519PublicKeyParameters publicKey;

	Ed25519SignatureVerifier(byte[] publicKey, String source) {
		if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
			throw new InvalidCoboKeyException(source,
					"has " + publicKey.length * 2 + " hex characters; an Ed25519 public key has 64");
		}
		try {
			this.publicKey = new Ed25519PublicKeyParameters(publicKey, 0);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCoboKeyException(source, "is not an Ed25519 public key (not a point of the curve)");
		}
	}

	@Override
	public String publicKeyHex() {
		return HexFormat.of().formatHex(this.publicKey.getEncoded());
	}

	@Override
	public boolean verify(byte[] digest, byte[] signatureBytes) {
		// One Ed25519Signer per call: it buffers the message between update and verify.
		Ed25519Signer ed25519 = new Ed25519Signer();
		ed25519.init(false, this.publicKey);
		ed25519.update(digest, 0, digest.length);
		return ed25519.verifySignature(signatureBytes);
	}

	@Override
	public String toString() {
		return "Ed25519SignatureVerifier[" + publicKeyHex() + "]";
	}

}
