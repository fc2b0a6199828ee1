package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Keeps the Permission Access Token valid: refreshes it with Spring Security's refresh provider
 * (which stores the rotated refresh token) while the refresh token is usable, and falls back once
 * to a new exchange when Cobo calls the refresh token dead ({@code invalid_grant}) or it is past
 * its lifetime.
 */
public final class PermissionAccessTokenOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private final RefreshTokenOAuth2AuthorizedClientProvider refresh;

	private final PermissionTokenOAuth2AuthorizedClientProvider exchange;

	private final TokenExpiry expiry;

	/**
	 * @param refresh Spring Security's refresh provider, set up with Cobo's permission refresh client
	 * @param exchange the Permission Access Token exchange
	 * @param expiry decides when tokens are due; its refresh token lifetime must be the permission
	 * refresh tokens' (7 days)
	 */
	public PermissionAccessTokenOAuth2AuthorizedClientProvider(RefreshTokenOAuth2AuthorizedClientProvider refresh,
			PermissionTokenOAuth2AuthorizedClientProvider exchange, TokenExpiry expiry) {
		if (refresh == null || exchange == null || expiry == null) {
			throw new IllegalArgumentException("refresh, exchange and expiry cannot be null");
		}
		this.refresh = refresh;
		this.exchange = exchange;
		this.expiry = expiry;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		if (!CoboAuthorizationGrantTypes.PERMISSION_TOKEN.equals(context.getClientRegistration().getAuthorizationGrantType())) {
			return null;
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.exchange.authorize(context);
		}
		try {
			return this.refresh.authorize(context);
		}
		catch (ClientAuthorizationException ex) {
			if (!OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				throw ex;
			}
			return exchangeAnew(context, ex);
		}
	}

	private OAuth2AuthorizedClient exchangeAnew(OAuth2AuthorizationContext context, ClientAuthorizationException refused) {
		try {
			return this.exchange.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName());
		}
		catch (ClientAuthorizationException ex) {
			ex.addSuppressed(refused);
			throw ex;
		}
	}

}
