package dev.cobooauth.signing;

import java.util.Locale;

/**
 * Signs requests as Cobo expects: takes a fresh nonce, builds the digest of
 * {@code METHOD|PATH|NONCE|QUERY|BODY} and signs it with one key. The caller passes exactly what
 * goes on the wire: the raw path, the canonical query ({@link CanonicalQuery}) and the body bytes.
 */
final class CoboRequestSigner {

	private final CoboSigner signer;

	private final NonceSource nonces;

	/**
	 * @param signer the key to sign with
	 * @param nonces where nonces come from; one source per signer keeps them unique
	 */
	public CoboRequestSigner(CoboSigner signer, NonceSource nonces) {
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		if (nonces == null) {
			throw new IllegalArgumentException("nonces cannot be null");
		}
		this.signer = signer;
		this.nonces = nonces;
	}

	/**
	 * @param method the HTTP method; upper-cased here
	 * @param rawPath the path as sent, percent-encoded, including {@code /v2}
	 * @param canonicalQuery the query as sent, without {@code ?}; empty for none
	 * @param body the exact body bytes; empty for none
	 * @return the headers to add to the request
	 */
	public CoboSignatureHeaders sign(String method, String rawPath, String canonicalQuery, byte[] body) {
		String nonce = Long.toString(this.nonces.next());
		byte[] digest = SigningDigest.ofRequest(method.toUpperCase(Locale.ROOT), rawPath, nonce,
				canonicalQuery, body);
		return new CoboSignatureHeaders(this.signer.publicKeyHex(), nonce, this.signer.sign(digest));
	}

	/** @return the key this signer signs with */
	public CoboSigner getSigner() {
		return this.signer;
	}

}
