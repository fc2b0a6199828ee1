package dev.cobooauth.test;

import java.math.BigInteger;
import java.util.HexFormat;

import dev.cobooauth.signing.InvalidCoboKeyException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Verifies ECDSA secp256k1 signatures: a DER {@code SEQUENCE} of {@code r} and {@code s} over the 32-byte
 * digest, used as the hash. A high-S signature verifies like its low-S twin: Cobo's SDKs send low-S,
 * but nothing says Cobo refuses the other, and the starter's own verifier accepts both, so the simulator
 * accepts exactly what that verifier accepts.
 */
final class Secp256k1SignatureVerifier implements SignatureVerifier {

	private static final int COMPRESSED_POINT_BYTES = 33;

	private final ECPublicKeyParameters publicKey;

	Secp256k1SignatureVerifier(byte[] publicKey, String source) {
		if (publicKey.length != COMPRESSED_POINT_BYTES) {
			throw new InvalidCoboKeyException(source, "has " + publicKey.length * 2
					+ " hex characters; a secp256k1 public key is a 33-byte compressed point, 66 hex characters");
		}
		try {
			this.publicKey = new ECPublicKeyParameters(Secp256k1Curve.DOMAIN.getCurve().decodePoint(publicKey),
					Secp256k1Curve.DOMAIN);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCoboKeyException(source, "is not a secp256k1 public key (a 33-byte compressed point)");
		}
	}

	@Override
	public String publicKeyHex() {
		return HexFormat.of().formatHex(this.publicKey.getQ().getEncoded(true));
	}

	@Override
	public boolean verify(byte[] digest, byte[] signatureBytes) {
		BigInteger[] rs = decodeDer(signatureBytes);
		if (rs == null) {
			return false;
		}
		ECDSASigner ecdsa = new ECDSASigner();
		ecdsa.init(false, this.publicKey);
		return ecdsa.verifySignature(digest, rs[0], rs[1]);
	}

	/** @return {@code r} and {@code s}, or {@code null} when the bytes are not a sequence of two integers */
	private static BigInteger[] decodeDer(byte[] der) {
		try {
			ASN1Sequence sequence = ASN1Sequence.getInstance(der);
			if (sequence == null || sequence.size() != 2) {
				return null;
			}
			return new BigInteger[] { ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(),
					ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue() };
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// BouncyCastle reports bytes that are not DER as either.
			return null;
		}
	}

	@Override
	public String toString() {
		return "Secp256k1SignatureVerifier[" + publicKeyHex() + "]";
	}

}
