package dev.cobooauth.test;

import java.security.SecureRandom;
import java.util.HexFormat;

import dev.cobooauth.signing.InvalidCoboKeyException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The simulator's own Ed25519 key, standing for the key Cobo signs its answers and deliveries with
 * ({@code BIZ-RESP-SIGNATURE}). Its {@link #toString()} shows only the public key.
 */
final class ResponseSigningKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int SEED_HEX_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE * 2;

	private final Ed25519PrivateKeyParameters privateKey;

	private final String publicKeyHex;

	private ResponseSigningKey(Ed25519PrivateKeyParameters privateKey) {
		this.privateKey = privateKey;
		this.publicKeyHex = HexFormat.of().formatHex(privateKey.generatePublicKey().getEncoded());
	}

	/** @return a key from a fresh random seed */
	static ResponseSigningKey random() {
		return new ResponseSigningKey(new Ed25519PrivateKeyParameters(RANDOM));
	}

	/**
	 * @param seedHex the 32-byte seed as 64 hex characters; surrounding white space and a {@code 0x}
	 * prefix are allowed
	 * @param source what the seed is, named in errors
	 * @throws InvalidCoboKeyException if the text is not 64 hex characters
	 */
	static ResponseSigningKey fromSeedHex(String seedHex, String source) {
		String hex = (seedHex != null) ? seedHex.strip() : "";
		if (hex.startsWith("0x") || hex.startsWith("0X")) {
			hex = hex.substring(2);
		}
		if (hex.length() != SEED_HEX_LENGTH || !hex.chars().allMatch(HexFormat::isHexDigit)) {
			throw new InvalidCoboKeyException(source, "is not 64 hex characters (a 32-byte Ed25519 seed)");
		}
		return new ResponseSigningKey(new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(hex), 0));
	}

	/** @return the public key, lower-case hex: what the client is given as Cobo's key */
	String publicKeyHex() {
		return this.publicKeyHex;
	}

	/**
	 * @param digest the {@link CoboDigest#ofResponse response digest}
	 * @return the Ed25519 signature of the digest, lower-case hex
	 */
	String sign(byte[] digest) {
		byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
		this.privateKey.sign(Ed25519.Algorithm.Ed25519, null, digest, 0, digest.length, signature, 0);
		return HexFormat.of().formatHex(signature);
	}

	@Override
	public String toString() {
		return "ResponseSigningKey[publicKey=" + this.publicKeyHex + "]";
	}

}
