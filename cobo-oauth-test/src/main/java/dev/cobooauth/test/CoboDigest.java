package dev.cobooauth.test;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The 32 bytes Cobo signs, computed the way Cobo's server computes them: SHA-256 of SHA-256 over
 * {@code METHOD|PATH|NONCE|QUERY|BODY} for a request, over {@code BODY|TIMESTAMP} for an answer or a
 * delivery. Written apart from the starter's digest on purpose, so that a bug in either shows up as a
 * refused request instead of passing unseen on both sides.
 */
final class CoboDigest {

	private CoboDigest() {
	}

	/**
	 * @param method the method as received
	 * @param path the raw path as received, including {@code /v2}
	 * @param nonce the {@code BIZ-API-NONCE} value
	 * @param query the query as the server re-encodes it; empty when there is none
	 * @param body the body bytes as received; empty when there is none
	 */
	static byte[] ofRequest(String method, String path, String nonce, String query, byte[] body) {
		byte[] head = String.join("|", method, path, nonce, query, "").getBytes(StandardCharsets.UTF_8);
		return sha256(sha256(head, body));
	}

	/**
	 * @param body the body bytes as sent
	 * @param timestamp the {@code BIZ-TIMESTAMP} value
	 */
	static byte[] ofResponse(byte[] body, String timestamp) {
		return sha256(sha256(body, ("|" + timestamp).getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] sha256(byte[]... parts) {
		SHA256Digest sha256 = new SHA256Digest();
		for (byte[] part : parts) {
			sha256.update(part, 0, part.length);
		}
		byte[] hash = new byte[sha256.getDigestSize()];
		sha256.doFinal(hash, 0);
		return hash;
	}

}
