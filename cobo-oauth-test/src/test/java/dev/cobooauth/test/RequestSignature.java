package dev.cobooauth.test;

import java.util.Locale;

import dev.cobooauth.signing.CoboSigner;

/**
 * The three {@code BIZ-API-*} header values of one request, made as a correct client makes them: the
 * {@link CoboDigest} of {@code METHOD|PATH|NONCE|QUERY|BODY} signed with the starter's {@link CoboSigner}.
 *
 * @param apiKey the {@code BIZ-API-KEY} value
 * @param nonce the {@code BIZ-API-NONCE} value
 * @param signature the {@code BIZ-API-SIGNATURE} value
 */
record RequestSignature(String apiKey, String nonce, String signature) {

	/**
	 * @param signer the key to sign with
	 * @param method the HTTP method; upper-cased here, as clients do
	 * @param path the path to sign, including {@code /v2}
	 * @param nonceMillis the nonce to sign and send
	 * @param query the query to sign, without {@code ?}; empty for none
	 * @param body the body bytes to sign; empty for none
	 */
	static RequestSignature sign(CoboSigner signer, String method, String path, long nonceMillis, String query,
			byte[] body) {
		String nonce = Long.toString(nonceMillis);
		byte[] digest = CoboDigest.ofRequest(method.toUpperCase(Locale.ROOT), path, nonce, query, body);
		return new RequestSignature(signer.publicKeyHex(), nonce, signer.sign(digest));
	}

}
