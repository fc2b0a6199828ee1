package dev.cobooauth.test;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The secp256k1 curve, for the simulator's verification of secp256k1 request signatures and for
 * generating test keys.
 */
final class Secp256k1Curve {

	private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

	/** The curve, its generator and its order. */
	static final ECDomainParameters DOMAIN = new ECDomainParameters(SECP256K1);

	private Secp256k1Curve() {
	}

	/** @return whether the number is a private key: between 1 and the curve order minus 1 */
	static boolean isPrivateKey(BigInteger d) {
		return d.signum() > 0 && d.compareTo(DOMAIN.getN()) < 0;
	}

	/** @return the public key of a private key, as the 33-byte compressed point Cobo knows it by */
	static byte[] compressedPublicKey(BigInteger d) {
		return DOMAIN.getG().multiply(d).normalize().getEncoded(true);
	}

}
