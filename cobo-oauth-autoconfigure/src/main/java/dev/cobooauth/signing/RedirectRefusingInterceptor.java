package dev.cobooauth.signing;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns a 3xx answer into a {@link CoboRedirectException}, closing it unread, so that a redirect
 * the HTTP client did not follow is never taken for Cobo's answer.
 */
final class RedirectRefusingInterceptor implements ClientHttpRequestInterceptor {

	static final RedirectRefusingInterceptor INSTANCE = new RedirectRefusingInterceptor();

	private RedirectRefusingInterceptor() {
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		try {
			if (response.getStatusCode().is3xxRedirection()) {
				throw new CoboRedirectException(request.getMethod(), request.getURI(), response.getStatusCode());
			}
			return response;
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			throw ex;
		}
	}

}
