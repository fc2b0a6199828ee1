package dev.cobooauth.signing;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Signs a request as it goes on the wire and writes the three signature headers into it.
 */
final class SignatureHeaderWriter {

	private SignatureHeaderWriter() {
	}

	/**
	 * @param signer the key and nonces to sign with
	 * @param method the request method
	 * @param wireUri the URI as sent, its query already canonical ({@link CanonicalUri#of})
	 * @param body the exact body bytes sent
	 * @param headers the request headers to write into
	 */
	public static void sign(CoboRequestSigner signer, HttpMethod method, URI wireUri, byte[] body, HttpHeaders headers) {
		CoboSignatureHeaders signature = signer.sign(method.name(), CanonicalUri.pathOf(wireUri),
				CanonicalUri.queryOf(wireUri), body);
		headers.set(CoboSignatureHeaders.API_KEY, signature.apiKey());
		headers.set(CoboSignatureHeaders.API_NONCE, signature.nonce());
		headers.set(CoboSignatureHeaders.API_SIGNATURE, signature.signature());
	}

}
