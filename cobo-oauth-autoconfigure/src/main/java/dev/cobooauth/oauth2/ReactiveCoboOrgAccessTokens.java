package dev.cobooauth.oauth2;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The reactive twin of {@link CoboOrgAccessTokens}: works outside any {@code ServerWebExchange}.
 */
public class ReactiveCoboOrgAccessTokens {

	private final ReactiveOAuth2AuthorizedClientManager manager;

	private final ReactiveOAuth2AuthorizedClientService store;

	private final String registrationId;

	/**
	 * @param manager the starter's reactive manager, whose provider implements Cobo's grants
	 * @param store the service the manager saves tokens in
	 * @param registrationId the Portal App's registration id
	 */
	public ReactiveCoboOrgAccessTokens(ReactiveOAuth2AuthorizedClientManager manager,
			ReactiveOAuth2AuthorizedClientService store, String registrationId) {
		if (manager == null || store == null || registrationId == null) {
			throw new IllegalArgumentException("manager, store and registrationId cannot be null");
		}
		this.manager = manager;
		this.store = store;
		this.registrationId = registrationId;
	}

	/**
	 * @param orgId the organization
	 * @return its authorized client, with a token that is not due
	 */
	public Mono<OAuth2AuthorizedClient> authorize(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			return Mono.error(new IllegalArgumentException("orgId cannot be empty"));
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
	 * Forgets the org's stored token if it is still the one Cobo rejected.
	 * @param orgId the organization
	 * @param rejected the token Cobo rejected
	 * @return completion
	 */
	public Mono<Void> discard(String orgId, OAuth2AccessToken rejected) {
		return this.store.<OAuth2AuthorizedClient>loadAuthorizedClient(this.registrationId, orgId)
			.filter((stored) -> stored.getAccessToken().getTokenValue().equals(rejected.getTokenValue()))
			.flatMap((stored) -> this.store.removeAuthorizedClient(this.registrationId, orgId));
	}

	/** @return the Portal App's registration id */
	public String getRegistrationId() {
		return this.registrationId;
	}

}
