package dev.cobooauth.oauth2;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CoboWebClientConfigurer;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

/**
 * Makes {@code RestClient} and {@code WebClient} builders call WaaS for a Portal App's orgs, each
 * request authorized with the Org Access Token of the org it names ({@link CoboOrg#id}), signed with
 * the app key, and its response verified. {@link CoboTokens#orgClients()} hands it out:
 * <pre>
 * RestClient cobo = RestClient.builder().apply(tokens.orgClients().restClientConfigurer("org-1")).build();
 * </pre>
 */
public final class CoboOrgClients {

	private final CoboEndpoint endpoint;

	private final CoboSigner appKey;

	private final CoboOrgAccessTokens tokens;

	CoboOrgClients(CoboEndpoint endpoint, CoboSigner appKey, CoboOrgAccessTokens tokens) {
		this.endpoint = endpoint;
		this.appKey = appKey;
		this.tokens = tokens;
	}

	/**
	 * Makes a {@code RestClient.Builder} call WaaS for the Portal App's orgs: Spring Security's
	 * {@link OAuth2ClientHttpRequestInterceptor} authorizes each request with the Org Access Token
	 * of the org it names ({@link CoboOrg#id}), the org being the principal; Cobo's answer to a dead
	 * token (401, or 500 with {@code error_code} 1000) forgets that token and sends a GET or HEAD once
	 * more; every request is signed with the app key and every response verified.
	 * @param defaultOrg the org of requests that name none; {@code null} to refuse such requests
	 * with a {@link MissingCoboOrgException}
	 * @return the configurer
	 */
	public CoboRestClientConfigurer restClientConfigurer(@Nullable String defaultOrg) {
		CoboOrgResolver orgs = new CoboOrgResolver(defaultOrg);
		OAuth2ClientHttpRequestInterceptor authorization = new OAuth2ClientHttpRequestInterceptor(this.tokens.engine());
		authorization.setClientRegistrationIdResolver((request) -> this.tokens.getRegistrationId());
		authorization.setPrincipalResolver((request) -> new OrgPrincipal(
				orgs.resolve(request.getAttributes(), request.getMethod(), request.getURI().getRawPath())));
		// Dead tokens are forgotten by DeadTokenRetryingInterceptor, which knows the token Cobo
		// rejected, so that a token another caller has just obtained is never forgotten instead.
		authorization.setAuthorizationFailureHandler((failure, principal, attributes) -> {
		});
		return CoboRestClientConfigurer.forAppKey(this.endpoint, this.appKey,
				new DeadTokenRetryingInterceptor(this.tokens, orgs), authorization);
	}

	/**
	 * Makes a {@code WebClient.Builder} call WaaS for the Portal App's orgs, as
	 * {@link #restClientConfigurer} does for a {@code RestClient}. Spring Security 7.0's reactive
	 * filter has no hook for the principal, so a filter of the starter's authorizes each request.
	 * Needs Project Reactor.
	 * @param defaultOrg the org of requests that name none; {@code null} to refuse such requests
	 * @return the configurer
	 */
	public CoboWebClientConfigurer webClientConfigurer(@Nullable String defaultOrg) {
		return CoboWebClientConfigurer.forAppKey(this.endpoint, this.appKey,
				new CoboOrgAccessTokenExchangeFilterFunction(
						new ReactiveCoboOrgAccessTokens(this.tokens.engine(), CoboClientRegistrations.ORG_ACCESS_TOKEN),
						new CoboOrgResolver(defaultOrg)));
	}

}
