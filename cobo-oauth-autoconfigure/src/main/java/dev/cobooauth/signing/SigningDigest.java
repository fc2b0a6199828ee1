package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Cobo's message digest: SHA-256 of SHA-256, over the string to sign of a request or over
 * {@code body|timestamp} of a response. The 32 raw bytes are what a {@link CoboSigner} signs.
 */
final class SigningDigest {

	private static final byte[] SEPARATOR = { '|' };

	private SigningDigest() {
	}

	/**
	 * The digest of a request: {@code METHOD|PATH|NONCE|QUERY|BODY}, the body taken as its exact bytes.
	 * @param method the HTTP method, upper case
	 * @param path the raw path as sent, including {@code /v2}
	 * @param nonce the nonce sent as {@code BIZ-API-NONCE}
	 * @param query the query as sent, without {@code ?}; empty when there is none
	 * @param body the exact body bytes sent; empty when there is none
	 * @return 32 bytes
	 */
	public static byte[] ofRequest(String method, String path, String nonce, String query, byte[] body) {
		String head = method + "|" + path + "|" + nonce + "|" + query + "|";
		return doubleSha256(head.getBytes(StandardCharsets.UTF_8), body);
	}

	/**
	 * The digest of a response or a webhook delivery: {@code BODY|TIMESTAMP}.
	 * @param body the exact body bytes received
	 * @param timestamp the {@code BIZ-TIMESTAMP} header value
	 * @return 32 bytes
	 */
	public static byte[] ofResponse(byte[] body, String timestamp) {
		return doubleSha256(body, SEPARATOR, timestamp.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] doubleSha256(byte[]... parts) {
		SHA256Digest sha256 = new SHA256Digest();
		for (byte[] part : parts) {
			sha256.update(part, 0, part.length);
		}
		byte[] digest = new byte[sha256.getDigestSize()];
		sha256.doFinal(digest, 0);
		sha256.update(digest, 0, digest.length);
		sha256.doFinal(digest, 0);
		return digest;
	}

}
