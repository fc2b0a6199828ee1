package dev.cobooauth.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;

import net.i2p.crypto.eddsa.EdDSAEngine;
import net.i2p.crypto.eddsa.EdDSAPrivateKey;
import net.i2p.crypto.eddsa.Utils;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAParameterSpec;
import net.i2p.crypto.eddsa.spec.EdDSAPrivateKeySpec;

/**
 * The baseline: how Cobo's official Java SDK (cobo-waas2-java-sdk 1.38, {@code AuthenticationInterceptor},
 * {@code LocalEd25519Signer} and {@code CryptoUtils}) signs a request, step by step, written anew here
 * for the measurement. Per request it keeps the secret as hex and, every time: encodes the query with
 * {@code URLEncoder}, reads the body as a string, joins the string to sign, hashes it twice with a
 * fresh {@code MessageDigest}, builds an {@code EdDSAPrivateKeySpec} from the seed (which derives the
 * public key), signs with a new {@code EdDSAEngine} over SHA-512, and derives the public key once more
 * for {@code BIZ-API-KEY}.
 * <p>
 * In the starter's package, as {@link RequestSigningBenchmark} is, only so that it returns the same
 * package-private {@code CoboSignatureHeaders} as ours; it uses nothing else of the starter. This
 * module is never published.
 */
final class CoboJavaSdkSigning {

	private final String privateKeyHex;

	/**
	 * @param privateKeyHex the Ed25519 seed, as the SDK is given it
	 */
	CoboJavaSdkSigning(String privateKeyHex) {
		this.privateKeyHex = privateKeyHex;
	}

	/**
	 * @param method upper case
	 * @param path the path as sent
	 * @param query the query parameters, names and values decoded, in order
	 * @param body the body bytes as the HTTP client holds them
	 * @return the three headers
	 */
	CoboSignatureHeaders sign(String method, String path, List<String[]> query, byte[] body) {
		String nonce = String.valueOf(System.currentTimeMillis());
		String content = method + "|" + path + "|" + nonce + "|" + encodeQuery(query) + "|"
				+ new String(body, StandardCharsets.UTF_8);
		String signature = signString(content);
		return new CoboSignatureHeaders(publicKeyHex(), nonce, signature);
	}

	static String encodeQuery(List<String[]> query) {
		StringBuilder encoded = new StringBuilder();
		for (String[] parameter : query) {
			encoded.append(parameter[0]).append('=').append(URLEncoder.encode(parameter[1], StandardCharsets.UTF_8))
				.append('&');
		}
		if (encoded.length() > 0) {
			encoded.deleteCharAt(encoded.length() - 1);
		}
		return encoded.toString();
	}

	String signString(String content) {
		return signDigest(hashTwice(content));
	}

	/**
	 * @param digest the 32-byte digest
	 * @return the signature as the SDK makes it: key spec built from the seed, new engine, hex
	 */
	String signDigest(byte[] digest) {
		try {
			EdDSAParameterSpec spec = EdDSANamedCurveTable.getByName(EdDSANamedCurveTable.ED_25519);
			Signature engine = new EdDSAEngine(MessageDigest.getInstance(spec.getHashAlgorithm()));
			PrivateKey key = new EdDSAPrivateKey(new EdDSAPrivateKeySpec(Utils.hexToBytes(this.privateKeyHex), spec));
			engine.initSign(key);
			engine.update(digest);
			return Utils.bytesToHex(engine.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @return the public key, derived from the seed again, as the SDK does for each request */
	String publicKeyHex() {
		EdDSAParameterSpec spec = EdDSANamedCurveTable.getByName(EdDSANamedCurveTable.ED_25519);
		EdDSAPrivateKeySpec key = new EdDSAPrivateKeySpec(Utils.hexToBytes(this.privateKeyHex), spec);
		return Utils.bytesToHex(key.getA().toByteArray());
	}

	static byte[] hashTwice(String content) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(content.getBytes(StandardCharsets.UTF_8));
			return sha256.digest(sha256.digest());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
