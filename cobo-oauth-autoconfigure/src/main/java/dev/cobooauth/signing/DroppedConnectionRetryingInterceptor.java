package dev.cobooauth.signing;

import java.io.IOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Sends a GET or HEAD of a {@code RestClient} once more when its connection went away before any
 * response ({@link DroppedConnections}). It is the first interceptor, so the second attempt goes
 * through the whole chain again: it carries the current token and a new nonce and signature, and
 * starts from the headers the caller gave, not from those the first attempt was sent with.
 * <p>
 * An I/O error can also come from an interceptor that reads a response's body, after the response
 * arrived; only the wire can tell the two apart. So {@link #WIRE} goes after signing, nearest the
 * connection, and notes in the request's attributes the failure an attempt ended with when no
 * response came; this interceptor sends the request again only for that very failure.
 * <p>
 * The JDK's client, {@code HttpURLConnection} and Apache HttpClient already send a dropped GET again
 * once by themselves, with the same bytes and so the same nonce; this retry comes after theirs and
 * is the only one with Reactor Netty.
 */
final class DroppedConnectionRetryingInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(DroppedConnectionRetryingInterceptor.class);

	private static final String NO_RESPONSE = DroppedConnectionRetryingInterceptor.class.getName() + ".noResponse";

	/**
	 * The last interceptor, after signing: it changes nothing, and notes the I/O error with which
	 * the client failed to bring any response.
	 */
	static final ClientHttpRequestInterceptor WIRE = (request, body, execution) -> {
		try {
			return execution.execute(request, body);
		}
		catch (IOException ex) {
			request.getAttributes().put(NO_RESPONSE, ex);
			throw ex;
		}
	};

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!DroppedConnections.mayResend(request.getMethod())) {
			return execution.execute(request, body);
		}
		HttpHeaders given = HttpHeaders.copyOf(request.getHeaders());
		try {
			return execution.execute(request, body);
		}
		catch (IOException ex) {
			if (request.getAttributes().remove(NO_RESPONSE) != ex || !DroppedConnections.isDropped(ex)) {
				throw ex;
			}
			logger.debug(DroppedConnections.describeResend(request.getMethod(), request.getURI(), ex));
			return execution.execute(withHeaders(request, given), body);
		}
		finally {
			request.getAttributes().remove(NO_RESPONSE);
		}
	}

	/**
	 * @return the request with the headers it had before the first attempt, which the interceptors
	 * of the second attempt write into
	 */
	private static HttpRequest withHeaders(HttpRequest request, HttpHeaders headers) {
		return new HttpRequestWrapper(request) {
			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}

}
