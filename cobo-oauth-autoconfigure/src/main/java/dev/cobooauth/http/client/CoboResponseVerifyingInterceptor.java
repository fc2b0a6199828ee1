package dev.cobooauth.http.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.cobooauth.http.CoboResponseVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * Verifies Cobo's signature on each response of a {@code RestClient} before anything reads it.
 * The body is read whole, checked, and handed on from memory; a response that fails the check is
 * closed and a {@link dev.cobooauth.http.CoboResponseSignatureException} is thrown instead.
 */
public final class CoboResponseVerifyingInterceptor implements ClientHttpRequestInterceptor {

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
			return new BufferedResponse(response, responseBody);
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			throw ex;
		}
	}

	/** A verified response whose body is served from memory. */
	private static final class BufferedResponse implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private final byte[] body;

		BufferedResponse(ClientHttpResponse delegate, byte[] body) {
			this.delegate = delegate;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
