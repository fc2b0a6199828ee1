package dev.cobooauth.signing;

import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs with an Ed25519 secret held in memory. The public key is derived once, at construction.
 */
final class Ed25519CoboSigner implements CoboSigner {

	private final Ed25519PrivateKeyParameters privateKey;

	private final String publicKeyHex;

	/**
	 * @param secret the 32-byte Ed25519 seed
	 */
	public Ed25519CoboSigner(PrivateKeySecret secret) {
		this.privateKey = new Ed25519PrivateKeyParameters(secret.bytes(), 0);
		this.publicKeyHex = HexFormat.of().formatHex(this.privateKey.generatePublicKey().getEncoded());
	}

	@Override
	public String publicKeyHex() {
		return this.publicKeyHex;
	}

	@Override
	public String sign(byte[] digest) {
		byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
		this.privateKey.sign(Ed25519.Algorithm.Ed25519, null, digest, 0,
				digest.length, signature, 0);
		return HexFormat.of().formatHex(signature);
	}

	@Override
	public String toString() {
		return "Ed25519CoboSigner[publicKey=" + this.publicKeyHex + "]";
	}

}
