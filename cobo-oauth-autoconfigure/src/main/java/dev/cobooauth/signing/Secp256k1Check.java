package dev.cobooauth.signing;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Verifies DER-encoded ECDSA signatures over secp256k1 with BouncyCastle.
 */
final class Secp256k1Check implements SignatureCheck {

	private final ECPublicKeyParameters publicKey;

	/**
	 * @param publicKey the 33-byte compressed point, already checked to be on the curve
	 */
	Secp256k1Check(byte[] publicKey) {
		this.publicKey = new ECPublicKeyParameters(Secp256k1.DOMAIN.getCurve().decodePoint(publicKey), Secp256k1.DOMAIN);
	}

	@Override
	public boolean verify(byte[] digest, byte[] signature) {
		BigInteger r;
		BigInteger s;
		try {
			ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
			if (sequence.size() != 2) {
				return false;
			}
			r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue();
			s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		ECDSASigner verifier = new ECDSASigner();
		verifier.init(false, this.publicKey);
		return verifier.verifySignature(digest, r, s);
	}

}
