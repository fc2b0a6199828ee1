package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;
import dev.cobooauth.oauth2.endpoint.PermissionTokenGrantRequest;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The Permission Access Token exchange: obtains a token with the API key's signature when there is
 * none, or when the current one is due and there is no usable refresh token. Returns {@code null}
 * for registrations of any other grant type.
 */
public final class PermissionTokenOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private final OAuth2AccessTokenResponseClient<PermissionTokenGrantRequest> accessTokenResponseClient;

	private final String permissionType;

	private final TokenExpiry expiry;

	/**
	 * @param accessTokenResponseClient calls Cobo's Exchange Permission Access Token
	 * @param permissionType the permission requested, e.g. {@code payment_orders_payin}
	 * @param expiry decides when a token is due and how long a refresh token lives
	 */
	public PermissionTokenOAuth2AuthorizedClientProvider(
			OAuth2AccessTokenResponseClient<PermissionTokenGrantRequest> accessTokenResponseClient,
			String permissionType, TokenExpiry expiry) {
		if (accessTokenResponseClient == null) {
			throw new IllegalArgumentException("accessTokenResponseClient cannot be null");
		}
		if (permissionType == null || permissionType.isBlank()) {
			throw new IllegalArgumentException("permissionType cannot be empty");
		}
		if (expiry == null) {
			throw new IllegalArgumentException("expiry cannot be null");
		}
		this.accessTokenResponseClient = accessTokenResponseClient;
		this.permissionType = permissionType;
		this.expiry = expiry;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		ClientRegistration registration = context.getClientRegistration();
		if (!CoboAuthorizationGrantTypes.PERMISSION_TOKEN.equals(registration.getAuthorizationGrantType())) {
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
	 * Exchanges for a new token, whatever the state of the current one.
	 * @param registration the API key's registration
	 * @param principalName the name the token is stored under
	 * @return the new authorized client
	 * @throws ClientAuthorizationException naming the permission type and Cobo's answer if Cobo
	 * refuses
	 */
	OAuth2AuthorizedClient authorizeAnew(ClientRegistration registration, String principalName) {
		OAuth2AccessTokenResponse response;
		try {
			response = this.accessTokenResponseClient
				.getTokenResponse(new PermissionTokenGrantRequest(registration, this.permissionType));
		}
		catch (OAuth2AuthorizationException ex) {
			throw new ClientAuthorizationException(ex.getError(), registration.getRegistrationId(),
					"Cannot get a Permission Access Token of type " + this.permissionType + ": " + ex.getMessage(), ex);
		}
		return new OAuth2AuthorizedClient(registration, principalName, response.getAccessToken(),
				response.getRefreshToken());
	}

}
