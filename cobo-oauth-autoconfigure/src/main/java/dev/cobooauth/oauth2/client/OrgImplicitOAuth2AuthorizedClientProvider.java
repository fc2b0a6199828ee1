package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;
import dev.cobooauth.oauth2.endpoint.OrgImplicitGrantRequest;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The {@code org_implicit} grant: obtains an organization's Org Access Token when there is none,
 * or when the current one is due and there is no usable refresh token. The organization is the
 * principal's name. Returns {@code null} for registrations of any other grant type.
 */
public final class OrgImplicitOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private final OAuth2AccessTokenResponseClient<OrgImplicitGrantRequest> accessTokenResponseClient;

	private final TokenExpiry expiry;

	/**
	 * @param accessTokenResponseClient calls Cobo's Get Org Access Token
	 * @param expiry decides when a token is due
	 */
	public OrgImplicitOAuth2AuthorizedClientProvider(
			OAuth2AccessTokenResponseClient<OrgImplicitGrantRequest> accessTokenResponseClient, TokenExpiry expiry) {
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
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		ClientRegistration registration = context.getClientRegistration();
		if (!CoboAuthorizationGrantTypes.ORG_IMPLICIT.equals(registration.getAuthorizationGrantType())) {
			return null;
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current != null && (!this.expiry.isDue(current.getAccessToken())
				|| this.expiry.isUsable(current.getRefreshToken()))) {
			return null;
		}
		return authorizeAnew(registration, context.getPrincipal().getName());
	}

	/**
	 * Obtains a new token for the organization, whatever the state of the current one.
	 * @param registration the Portal App's registration
	 * @param orgId the organization
	 * @return the new authorized client
	 * @throws ClientAuthorizationException naming the org and Cobo's answer if Cobo refuses
	 */
	OAuth2AuthorizedClient authorizeAnew(ClientRegistration registration, String orgId) {
		OAuth2AccessTokenResponse response;
		try {
			response = this.accessTokenResponseClient.getTokenResponse(new OrgImplicitGrantRequest(registration, orgId));
		}
		catch (OAuth2AuthorizationException ex) {
			throw new ClientAuthorizationException(ex.getError(), registration.getRegistrationId(),
					"Cannot get an Org Access Token for org " + orgId + ": " + ex.getMessage(), ex);
		}
		return this.expiry.stamp(new OAuth2AuthorizedClient(registration, orgId, response.getAccessToken(),
				response.getRefreshToken()));
	}

}
