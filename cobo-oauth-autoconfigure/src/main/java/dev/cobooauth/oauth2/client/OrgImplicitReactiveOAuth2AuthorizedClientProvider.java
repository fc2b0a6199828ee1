package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;
import dev.cobooauth.oauth2.endpoint.OrgImplicitGrantRequest;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The reactive {@code org_implicit} grant; see {@link OrgImplicitOAuth2AuthorizedClientProvider}.
 */
public final class OrgImplicitReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final ReactiveOAuth2AccessTokenResponseClient<OrgImplicitGrantRequest> accessTokenResponseClient;

	private final TokenExpiry expiry;

	/**
	 * @param accessTokenResponseClient calls Cobo's Get Org Access Token
	 * @param expiry decides when a token is due
	 */
	public OrgImplicitReactiveOAuth2AuthorizedClientProvider(
			ReactiveOAuth2AccessTokenResponseClient<OrgImplicitGrantRequest> accessTokenResponseClient,
			TokenExpiry expiry) {
		if (accessTokenResponseClient == null) {
			throw new IllegalArgumentException("accessTokenResponseClient cannot be null");
		}
		if (expiry == null) {
			throw new IllegalArgumentException("expiry cannot be null");
		}
		this.accessTokenResponseClient = accessTokenResponseClient;
		this.expiry = expiry;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		ClientRegistration registration = context.getClientRegistration();
		if (!CoboAuthorizationGrantTypes.ORG_IMPLICIT.equals(registration.getAuthorizationGrantType())) {
			return Mono.empty();
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current != null && (!this.expiry.isDue(current.getAccessToken())
				|| this.expiry.isUsable(current.getRefreshToken()))) {
			return Mono.empty();
		}
		return authorizeAnew(registration, context.getPrincipal().getName());
	}

	/**
	 * Obtains a new token for the organization, whatever the state of the current one.
	 * @param registration the Portal App's registration
	 * @param orgId the organization
	 * @return the new authorized client, or a {@link ClientAuthorizationException} naming the org
	 */
	Mono<OAuth2AuthorizedClient> authorizeAnew(ClientRegistration registration, String orgId) {
		return this.accessTokenResponseClient.getTokenResponse(new OrgImplicitGrantRequest(registration, orgId))
			.onErrorMap(OAuth2AuthorizationException.class,
					(ex) -> new ClientAuthorizationException(ex.getError(), registration.getRegistrationId(),
							"Cannot get an Org Access Token for org " + orgId + ": " + ex.getMessage(), ex))
			.map((response) -> this.expiry.stamp(new OAuth2AuthorizedClient(registration, orgId,
					response.getAccessToken(), response.getRefreshToken())));
	}

}
