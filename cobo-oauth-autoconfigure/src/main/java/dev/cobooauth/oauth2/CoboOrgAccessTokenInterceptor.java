package dev.cobooauth.oauth2;

import java.io.IOException;

import dev.cobooauth.signing.BufferedClientHttpResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.StreamUtils;

/**
 * Sends each request of a {@code RestClient} with the Org Access Token of the organization it
 * names ({@link dev.cobooauth.oauth2.CoboOrg}). When Cobo answers that the token is dead
 * ({@link DeadTokenAnswer}), the stored token is forgotten so the next call re-authorizes, and a
 * GET or HEAD is sent once more with a fresh token; any other method returns Cobo's answer as is.
 */
public final class CoboOrgAccessTokenInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(CoboOrgAccessTokenInterceptor.class);

	private final CoboOrgAccessTokens tokens;

	private final CoboOrgResolver orgs;

	/**
	 * @param tokens hands out each org's token
	 * @param orgs finds the org a request acts for
	 */
	public CoboOrgAccessTokenInterceptor(CoboOrgAccessTokens tokens, CoboOrgResolver orgs) {
		if (tokens == null || orgs == null) {
			throw new IllegalArgumentException("tokens and orgs cannot be null");
		}
		this.tokens = tokens;
		this.orgs = orgs;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String orgId = this.orgs.resolve(request.getAttributes(), request.getMethod(), request.getURI().getRawPath());
		OAuth2AccessToken token = this.tokens.getAccessToken(orgId);
		ClientHttpResponse response = send(request, body, execution, token);
		if (!isDeadToken(response)) {
			return response;
		}
		this.tokens.discard(orgId, token);
		boolean replay = DeadTokenAnswer.isReplayable(request.getMethod());
		logger.debug(DeadTokenAnswer.describe(orgId, response.getStatusCode().value(), request.getMethod(), replay));
		if (!replay) {
			return response;
		}
		response.close();
		return send(request, body, execution, this.tokens.getAccessToken(orgId));
	}

	private static ClientHttpResponse send(HttpRequest request, byte[] body, ClientHttpRequestExecution execution,
			OAuth2AccessToken token) throws IOException {
		request.getHeaders().setBearerAuth(token.getTokenValue());
		ClientHttpResponse response = execution.execute(request, body);
		int status = response.getStatusCode().value();
		if (!DeadTokenAnswer.needsBody(status) || response instanceof BufferedClientHttpResponse) {
			return response;
		}
		return new BufferedClientHttpResponse(response, StreamUtils.copyToByteArray(response.getBody()));
	}

	private static boolean isDeadToken(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = (response instanceof BufferedClientHttpResponse buffered) ? buffered.getBodyBytes() : null;
		return DeadTokenAnswer.isDeadToken(status, body);
	}

}
