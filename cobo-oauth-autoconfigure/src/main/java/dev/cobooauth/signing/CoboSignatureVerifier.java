package dev.cobooauth.signing;

import java.math.BigInteger;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a signature over a Cobo digest against a public key: Cobo's response signatures (always
 * Ed25519) and, for a server such as the simulator, request signatures of either key type.
 * Instances are immutable and thread-safe.
 */
final class CoboSignatureVerifier {

	private final KeyType keyType;

	private final AsymmetricKeyParameter publicKey;

	private final String publicKeyHex;

	private CoboSignatureVerifier(KeyType keyType, byte[] publicKey) {
		this.keyType = keyType;
		// Decoded once: decoding the point costs about as much as a tenth of a verification.
		this.publicKey = (keyType == KeyType.ED25519) ? new Ed25519PublicKeyParameters(publicKey, 0)
				: new ECPublicKeyParameters(Secp256k1.DOMAIN.getCurve().decodePoint(publicKey), Secp256k1.DOMAIN);
		this.publicKeyHex = HexFormat.of().formatHex(publicKey);
	}

	/**
	 * @param keyType the key's type
	 * @param publicKeyHex the public key: 64 hex characters for Ed25519, 66 (compressed) for secp256k1
	 * @param source where the key came from, named in errors
	 * @return a verifier for that key
	 * @throws InvalidCoboKeyException if the key is not a public key of that type
	 */
	public static CoboSignatureVerifier of(KeyType keyType, String publicKeyHex, String source) {
		byte[] key = parsePublicKey(publicKeyHex, source);
		if (keyType == KeyType.ED25519 && key.length != Ed25519PublicKeyParameters.KEY_SIZE) {
			throw new InvalidCoboKeyException(source,
					"has " + key.length * 2 + " hex characters; an Ed25519 public key has 64");
		}
		if (keyType == KeyType.SECP256K1) {
			checkSecp256k1Point(key, source);
		}
		return new CoboSignatureVerifier(keyType, key);
	}

	private static byte[] parsePublicKey(String hex, String source) {
		if (hex == null || hex.isBlank()) {
			throw new InvalidCoboKeyException(source, "is empty; expected a hex public key");
		}
		try {
			return HexFormat.of().parseHex(hex.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCoboKeyException(source, "is not a hex public key");
		}
	}

	private static void checkSecp256k1Point(byte[] key, String source) {
		try {
			Secp256k1.DOMAIN.getCurve().decodePoint(key);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCoboKeyException(source, "is not a secp256k1 public key (a 33-byte compressed point)");
		}
	}

	/**
	 * @param digest the 32-byte digest made by {@link SigningDigest}
	 * @param signatureHex the signature as sent, hex; any letter case
	 * @return whether the signature is valid (never throws for a malformed signature)
	 */
	public boolean verify(byte[] digest, String signatureHex) {
		byte[] signature;
		try {
			signature = HexFormat.of().parseHex(signatureHex.strip());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return false;
		}
		return (this.keyType == KeyType.ED25519) ? verifyEd25519(digest, signature)
				: verifySecp256k1(digest, signature);
	}

	private boolean verifyEd25519(byte[] digest, byte[] signature) {
		if (signature.length != Ed25519.SIGNATURE_SIZE) {
			return false;
		}
		// Straight to the key, whose point was decoded once: an Ed25519Signer would copy the digest
		// into a buffer of its own and take a lock on every call.
		return ((Ed25519PublicKeyParameters) this.publicKey).verify(Ed25519.Algorithm.Ed25519, null, digest, 0,
				digest.length, signature, 0);
	}

	private boolean verifySecp256k1(byte[] digest, byte[] signature) {
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

	/** @return the key type */
	public KeyType getKeyType() {
		return this.keyType;
	}

	/** @return the public key, lower-case hex */
	public String getPublicKeyHex() {
		return this.publicKeyHex;
	}

	@Override
	public String toString() {
		return "CoboSignatureVerifier[" + this.keyType + ", " + this.publicKeyHex + "]";
	}

}
