package dev.cobooauth.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

import mockwebserver3.RecordedRequest;

/**
 * Checks a request as the server received it, independently of the starter's code: rebuilds the
 * string to sign from the request line, headers and body bytes, hashes it with the JDK and
 * verifies the Ed25519 signature with the JDK's own provider.
 */
public final class WireSignature {

	private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private WireSignature() {
	}

	/**
	 * @param request what the server received
	 * @return the string to sign, rebuilt from the wire
	 */
	public static String stringToSign(RecordedRequest request) {
		String target = request.getTarget();
		int question = target.indexOf('?');
		String path = (question < 0) ? target : target.substring(0, question);
		String query = (question < 0) ? "" : target.substring(question + 1);
		return request.getMethod() + "|" + path + "|" + request.getHeaders().get("BIZ-API-NONCE") + "|" + query + "|"
				+ bodyOf(request);
	}

	/**
	 * @param request what the server received
	 * @return its body as text, empty when it had none
	 */
	public static String bodyOf(RecordedRequest request) {
		return (request.getBody() != null) ? request.getBody().utf8() : "";
	}

	/**
	 * @param request what the server received
	 * @param publicKeyHex the Ed25519 public key it must be signed with
	 * @return whether {@code BIZ-API-SIGNATURE} verifies over the request as received
	 */
	public static boolean verifies(RecordedRequest request, String publicKeyHex) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest(sha256.digest(stringToSign(request).getBytes(StandardCharsets.UTF_8)));
			byte[] raw = HexFormat.of().parseHex(publicKeyHex);
			byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
			System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
			System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
			PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(digest);
			return verifier.verify(HexFormat.of().parseHex(request.getHeaders().get("BIZ-API-SIGNATURE")));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
