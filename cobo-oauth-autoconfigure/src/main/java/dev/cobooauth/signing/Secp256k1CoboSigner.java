package dev.cobooauth.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Signs with a secp256k1 secret held in memory: deterministic ECDSA (RFC 6979), low-S, DER encoded,
 * the digest used as the message hash. The compressed public key is derived once, at construction.
 */
final class Secp256k1CoboSigner implements CoboSigner {

	private final ECPrivateKeyParameters privateKey;

	private final String publicKeyHex;

	/**
	 * @param secret the 32-byte private scalar, big-endian
	 * @throws InvalidCoboKeyException if the scalar is zero or not below the curve order
	 */
	public Secp256k1CoboSigner(PrivateKeySecret secret) {
		BigInteger d = new BigInteger(1, secret.bytes());
		if (d.signum() == 0 || d.compareTo(Secp256k1.DOMAIN.getN()) >= 0) {
			throw new InvalidCoboKeyException(secret.source(),
					"is not a valid secp256k1 private key (it must be between 1 and the curve order minus 1); "
							+ "check the key type");
		}
		this.privateKey = new ECPrivateKeyParameters(d, Secp256k1.DOMAIN);
		byte[] compressed = Secp256k1.DOMAIN.getG().multiply(d).normalize().getEncoded(true);
		this.publicKeyHex = HexFormat.of().formatHex(compressed);
	}

	@Override
	public String publicKeyHex() {
		return this.publicKeyHex;
	}

	@Override
	public String sign(byte[] digest) {
		// ECDSASigner keeps state between init and sign, so each call gets its own.
		ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
		signer.init(true, this.privateKey);
		BigInteger[] rs = signer.generateSignature(digest);
		BigInteger s = Secp256k1.toLowS(rs[1]);
		try {
			byte[] der = new DERSequence(new ASN1Integer[] { new ASN1Integer(rs[0]), new ASN1Integer(s) }).getEncoded();
			return HexFormat.of().formatHex(der);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot DER-encode a secp256k1 signature", ex);
		}
	}

	@Override
	public String toString() {
		return "Secp256k1CoboSigner[publicKey=" + this.publicKeyHex + "]";
	}

}
