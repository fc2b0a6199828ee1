package dev.cobooauth.signing;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * Verifies Cobo's signature on each response of a {@code RestClient} before anything reads it.
 * The body is read whole, checked, and handed on from memory; a response that fails the check is
 * closed and a {@link dev.cobooauth.signing.CoboResponseSignatureException} is thrown instead.
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
			byte[] responseBody = StreamUtils.copyToByteArray(response.getBody());
			this.verifier.verify(request.getMethod(), request.getURI(), response.getStatusCode(), response.getHeaders(),
					responseBody);
			return new BufferedClientHttpResponse(response, responseBody);
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			throw ex;
		}
	}

}
