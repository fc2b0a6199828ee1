package dev.cobooauth.signing;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The secp256k1 curve parameters and the low-S rule shared by signing and verification.
 */
final class Secp256k1 {

	private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

	static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
			CURVE.getH());

	private static final BigInteger HALF_ORDER = DOMAIN.getN().shiftRight(1);

	private Secp256k1() {
	}

	static BigInteger toLowS(BigInteger s) {
		return (s.compareTo(HALF_ORDER) > 0) ? DOMAIN.getN().subtract(s) : s;
	}

}
