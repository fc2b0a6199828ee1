package dev.cobooauth.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Raw Ed25519 keys as JCA keys, made by the JDK's {@code KeyFactory}: Amazon Corretto Crypto
 * Provider serves Ed25519 signatures on Java 17 but no Ed25519 {@code KeyFactory}, and it takes
 * the JDK's keys.
 */
final class Ed25519Keys {

	// RFC 8410: the fixed DER prefixes before a 32-byte seed and a 32-byte public key.
	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private Ed25519Keys() {
	}

	static PrivateKey privateKey(byte[] seed) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(prefixed(PKCS8_PREFIX, seed)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot make an Ed25519 private key", ex);
		}
	}

	static PublicKey publicKey(byte[] key) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(prefixed(X509_PREFIX, key)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot make an Ed25519 public key", ex);
		}
	}

	private static byte[] prefixed(byte[] prefix, byte[] key) {
		byte[] encoded = new byte[prefix.length + key.length];
		System.arraycopy(prefix, 0, encoded, 0, prefix.length);
		System.arraycopy(key, 0, encoded, prefix.length, key.length);
		return encoded;
	}

}
