package dev.cobooauth.oauth2;

import java.io.IOException;

import dev.cobooauth.signing.CoboRestClientConfigurer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.StreamUtils;

/**
 * What Cobo needs beside Spring Security's {@code OAuth2ClientHttpRequestInterceptor}, which it
 * wraps: Cobo answers a dead Org Access Token with 401, or with 500 and {@code error_code} 1000
 * ({@link DeadTokenAnswer}), which Spring Security's interceptor does not recognise. On such an
 * answer the token the request carried is forgotten (only if it is still the stored one) and a GET
 * or HEAD goes through the chain once more, where Spring Security's interceptor authorizes it with a
 * fresh token; any other method returns Cobo's answer as it is.
 */
final class DeadTokenRetryingInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(DeadTokenRetryingInterceptor.class);

	private final CoboOrgAccessTokens tokens;

	private final CoboOrgResolver orgs;

	DeadTokenRetryingInterceptor(CoboOrgAccessTokens tokens, CoboOrgResolver orgs) {
		this.tokens = tokens;
		this.orgs = orgs;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		String rejected = bearerTokenOf(request);
		if (rejected == null || !isDeadToken(response)) {
			return response;
		}
		String orgId;
		try {
			orgId = this.orgs.resolve(request.getAttributes(), request.getMethod(), request.getURI().getRawPath());
			this.tokens.engine().markDead(this.tokens.getRegistrationId(), orgId, rejected);
		}
		catch (RuntimeException ex) {
			// The store or the lock is unavailable: the caller gets that failure, not Cobo's answer,
			// so nobody else would ever close it.
			response.close();
			throw ex;
		}
		boolean replay = DeadTokenAnswer.isReplayable(request.getMethod());
		logger.debug(DeadTokenAnswer.describe(orgId, response.getStatusCode().value(), request.getMethod(), replay));
		if (!replay) {
			return response;
		}
		response.close();
		return execution.execute(request, body);
	}

	/**
	 * @return the token Spring Security's interceptor put on the request, further down the chain
	 */
	private static @Nullable String bearerTokenOf(HttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		String prefix = OAuth2AccessToken.TokenType.BEARER.getValue() + " ";
		return (authorization != null && authorization.startsWith(prefix)) ? authorization.substring(prefix.length())
				: null;
	}

	/**
	 * Reads the body of an answer that may tell a dead token; the configurer's chain hands error
	 * answers on buffered ({@link CoboRestClientConfigurer#forAppKey}), so it can be read again.
	 */
	private static boolean isDeadToken(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = DeadTokenAnswer.needsBody(status) ? StreamUtils.copyToByteArray(response.getBody()) : null;
		return DeadTokenAnswer.isDeadToken(status, body);
	}

}
