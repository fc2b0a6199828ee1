package dev.cobooauth.oauth2;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The reactive face of {@link CoboOrgAccessTokens}, over the same token engine: works outside any
 * {@code ServerWebExchange}. A cached token is emitted on the subscriber's thread; a subscriber
 * that must wait for one never blocks its thread. Inject the {@code coboReactiveOrgAccessTokens}
 * bean, or get it from {@link CoboTokens#reactiveOrgAccessTokens()}.
 */
public class ReactiveCoboOrgAccessTokens {

	private final SingleFlightOAuth2AuthorizedClientManager engine;

	private final SingleFlightReactiveOAuth2AuthorizedClientManager manager;

	private final String registrationId;

	ReactiveCoboOrgAccessTokens(SingleFlightOAuth2AuthorizedClientManager engine, String registrationId) {
		this.engine = engine;
		this.manager = new SingleFlightReactiveOAuth2AuthorizedClientManager(engine);
		this.registrationId = registrationId;
	}

	/**
	 * @param orgId the organization
	 * @return its authorized client, with a token that is not due; an {@link InvalidCoboOrgException}
	 * if the org id is {@code null}, empty or whitespace only
	 */
	public Mono<OAuth2AuthorizedClient> authorize(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			return Mono.error(new InvalidCoboOrgException("orgId", orgId));
		}
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(orgId)
			.build();
		return this.manager.authorize(request)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No Org Access Token could be obtained for org "
					+ orgId + ": registration '" + this.registrationId + "' is not an org_implicit registration")));
	}

	/**
	 * @param orgId the organization
	 * @return a valid Org Access Token for it
	 */
	public Mono<OAuth2AccessToken> getAccessToken(String orgId) {
		return authorize(orgId).map(OAuth2AuthorizedClient::getAccessToken);
	}

	/**
	 * Forgets the org's access token if it is still the one Cobo rejected, keeping its refresh
	 * token, as {@link CoboOrgAccessTokens#discard} does, without blocking the subscriber.
	 * @param orgId the organization
	 * @param rejected the token Cobo rejected
	 * @return completion
	 */
	public Mono<Void> discard(String orgId, OAuth2AccessToken rejected) {
		return Mono.defer(() -> Mono.fromFuture(
				this.engine.markDeadAsync(this.registrationId, orgId, rejected.getTokenValue()), true));
	}

	/**
	 * Lets the next call for an org ask Cobo at once, although Cobo refused the org's grant lately,
	 * as {@link CoboOrgAccessTokens#forgetRefusal} does.
	 * @param orgId the organization
	 */
	public void forgetRefusal(String orgId) {
		this.engine.forgetRefusal(this.registrationId, orgId);
	}

	/** @return the Portal App's registration id */
	public String getRegistrationId() {
		return this.registrationId;
	}

}
