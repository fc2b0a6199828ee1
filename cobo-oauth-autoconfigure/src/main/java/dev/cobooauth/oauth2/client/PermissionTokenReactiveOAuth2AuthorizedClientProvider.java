package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;
import dev.cobooauth.oauth2.endpoint.PermissionTokenGrantRequest;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The reactive Permission Access Token exchange; see
 * {@link PermissionTokenOAuth2AuthorizedClientProvider}.
 */
public final class PermissionTokenReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final ReactiveOAuth2AccessTokenResponseClient<PermissionTokenGrantRequest> accessTokenResponseClient;

	private final String permissionType;

	private final TokenExpiry expiry;

	/**
	 * @param accessTokenResponseClient calls Cobo's Exchange Permission Access Token
	 * @param permissionType the permission requested, e.g. {@code payment_orders_payin}
	 * @param expiry decides when a token is due and how long a refresh token lives
	 */
	public PermissionTokenReactiveOAuth2AuthorizedClientProvider(
			ReactiveOAuth2AccessTokenResponseClient<PermissionTokenGrantRequest> accessTokenResponseClient,
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
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		ClientRegistration registration = context.getClientRegistration();
		if (!CoboAuthorizationGrantTypes.PERMISSION_TOKEN.equals(registration.getAuthorizationGrantType())) {
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
	 * Exchanges for a new token, whatever the state of the current one.
	 * @param registration the API key's registration
	 * @param principalName the name the token is stored under
	 * @return the new authorized client, or a {@link ClientAuthorizationException} naming the
	 * permission type
	 */
	Mono<OAuth2AuthorizedClient> authorizeAnew(ClientRegistration registration, String principalName) {
		return this.accessTokenResponseClient
			.getTokenResponse(new PermissionTokenGrantRequest(registration, this.permissionType))
			.onErrorMap(OAuth2AuthorizationException.class,
					(ex) -> new ClientAuthorizationException(ex.getError(), registration.getRegistrationId(),
							"Cannot get a Permission Access Token of type " + this.permissionType + ": "
									+ ex.getMessage(),
							ex))
			.map((response) -> new OAuth2AuthorizedClient(registration, principalName, response.getAccessToken(),
					response.getRefreshToken()));
	}

}
