package dev.cobooauth.signing;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Verifies Cobo's signature on each response of a {@code RestClient} before anything reads it.
 * The body is read whole, checked, and handed on from memory; a response that fails the check is
 * closed and a {@link dev.cobooauth.signing.CoboResponseSignatureException} is thrown instead. No
 * more than {@link CoboResponseVerifier#maxBodySize()} bytes are ever read: a longer body (by its
 * {@code Content-Length} or by what arrives) fails the call, its connection closed unread.
 */
final class CoboResponseVerifyingInterceptor implements ClientHttpRequestInterceptor {

	private final CoboResponseVerifier verifier;

	/**
	 * @param verifier holds the Cobo public key responses must be signed with
	 */
	public CoboResponseVerifyingInterceptor(CoboResponseVerifier verifier) {
		if (verifier == null) {
			throw new IllegalArgumentException("verifier cannot be null");
		}
		this.verifier = verifier;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		try {
			byte[] responseBody = read(request, response);
			this.verifier.verify(request.getMethod(), request.getURI(), response.getStatusCode(), response.getHeaders(),
					responseBody);
			return new BufferedClientHttpResponse(response, responseBody);
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			throw ex;
		}
	}

	private byte[] read(HttpRequest request, ClientHttpResponse response) throws IOException {
		int limit = this.verifier.maxBodySize();
		if (response.getHeaders().getContentLength() > limit) {
			throw this.verifier.tooLarge(request.getMethod(), request.getURI(), response.getStatusCode());
		}
		InputStream in = response.getBody();
		// readNBytes grows its buffer with what arrives, so a lying Content-Length costs no memory.
		byte[] bytes = in.readNBytes((limit < Integer.MAX_VALUE) ? limit + 1 : limit);
		if (bytes.length > limit) {
			throw this.verifier.tooLarge(request.getMethod(), request.getURI(), response.getStatusCode());
		}
		return bytes;
	}

}
