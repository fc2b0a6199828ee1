package dev.cobooauth.signing;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Signs each request of a {@code RestClient} with one Cobo key. It first puts the query in its
 * canonical form, so the query that is signed is the query that is sent, then signs the method,
 * raw path, query and the exact body bytes, and adds {@code BIZ-API-KEY}, {@code BIZ-API-NONCE}
 * and {@code BIZ-API-SIGNATURE}.
 * <p>
 * Add it last, so that no later interceptor changes what was signed.
 */
final class CoboSigningInterceptor implements ClientHttpRequestInterceptor {

	private final CoboRequestSigner signer;

	/**
	 * @param signer signs with the app key or the API key
	 */
	public CoboSigningInterceptor(CoboRequestSigner signer) {
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		this.signer = signer;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpRequest wire = withCanonicalUri(request);
		SignatureHeaderWriter.sign(this.signer, wire.getMethod(), wire.getURI(), body, wire.getHeaders());
		return execution.execute(wire, body);
	}

	private static HttpRequest withCanonicalUri(HttpRequest request) {
		URI canonical = CanonicalUri.of(request.getURI());
		if (canonical == request.getURI()) {
			return request;
		}
		return new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return canonical;
			}
		};
	}

}
