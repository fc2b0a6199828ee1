package dev.cobooauth.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * A response whose body was read whole and is served again from memory, as often as asked.
 */
final class BufferedClientHttpResponse implements ClientHttpResponse {

	private final ClientHttpResponse delegate;

	private final byte[] body;

	/**
	 * @param response a response
	 * @return it, if its body is buffered already; else a response that reads its body whole now
	 * @throws IOException if the body cannot be read
	 */
	static BufferedClientHttpResponse of(ClientHttpResponse response) throws IOException {
		if (response instanceof BufferedClientHttpResponse buffered) {
			return buffered;
		}
		return new BufferedClientHttpResponse(response, StreamUtils.copyToByteArray(response.getBody()));
	}

	/**
	 * @param delegate the response the body was read from; closed with this one
	 * @param body the body bytes
	 */
	BufferedClientHttpResponse(ClientHttpResponse delegate, byte[] body) {
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

	/** @return the body bytes */
	byte[] getBodyBytes() {
		return this.body;
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
