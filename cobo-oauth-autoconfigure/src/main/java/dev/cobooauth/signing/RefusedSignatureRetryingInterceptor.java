package dev.cobooauth.signing;

import java.io.IOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends a request of a {@code RestClient} once more, signed afresh, when Cobo refused its signature
 * ({@link RefusedSignatures}): Cobo did not process it, so this is safe for any method, a POST
 * included. Placed before the response verification, so that only a refusal Cobo really signed
 * causes a resend, and before signing, so that the second attempt carries a new nonce. Only once: a
 * second refusal is the caller's answer. Every error answer (4xx, 5xx) is handed on with its body
 * buffered, so that the authorization interceptors before it may read it and still return it.
 */
final class RefusedSignatureRetryingInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(RefusedSignatureRetryingInterceptor.class);

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = errorBuffered(execution.execute(request, body));
		if (!(response instanceof BufferedClientHttpResponse answer)
				|| !RefusedSignatures.isRefusedSignature(answer.getStatusCode().value(), answer.getBodyBytes())) {
			return response;
		}
		response.close();
		logger.debug(RefusedSignatures.describeResend(request.getMethod(), request.getURI()));
		return errorBuffered(execution.execute(request, body));
	}

	private static ClientHttpResponse errorBuffered(ClientHttpResponse response) throws IOException {
		return response.getStatusCode().isError() ? BufferedClientHttpResponse.of(response) : response;
	}

}
