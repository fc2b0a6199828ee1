package dev.cobooauth.oauth2.client;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;

/**
 * Keeps a Cobo token valid: refreshes it with Spring Security's refresh provider while the refresh
 * token is usable, and falls back once to the initial grant ({@code org_implicit} or the permission
 * exchange) when Cobo calls the refresh token dead ({@code invalid_grant}), when it is past its
 * lifetime, or when a refresh failed without saying whether Cobo rotated it, so that a refresh
 * token is never sent twice.
 */
public final class RefreshingOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private final RefreshTokenOAuth2AuthorizedClientProvider refresh;

	private final InitialGrantOAuth2AuthorizedClientProvider<?> initialGrant;

	private final TokenExpiry expiry;

	/**
	 * @param refresh Spring Security's refresh provider, set up with Cobo's refresh token client
	 * @param initialGrant the grant that needs no refresh token
	 * @param expiry decides when tokens are due and dates refreshed ones
	 */
	public RefreshingOAuth2AuthorizedClientProvider(RefreshTokenOAuth2AuthorizedClientProvider refresh,
			InitialGrantOAuth2AuthorizedClientProvider<?> initialGrant, TokenExpiry expiry) {
		if (refresh == null || initialGrant == null || expiry == null) {
			throw new IllegalArgumentException("refresh, initialGrant and expiry cannot be null");
		}
		this.refresh = refresh;
		this.initialGrant = initialGrant;
		this.expiry = expiry;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		if (!this.initialGrant.serves(context.getClientRegistration())) {
			return null;
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.initialGrant.authorize(context);
		}
		try {
			OAuth2AuthorizedClient refreshed = this.refresh.authorize(context);
			return (refreshed != null) ? this.expiry.stamp(refreshed) : null;
		}
		catch (ClientAuthorizationException ex) {
			if (!RefreshFailures.calledForANewGrant(ex)) {
				throw ex;
			}
			return authorizeAnew(context, ex);
		}
	}

	private OAuth2AuthorizedClient authorizeAnew(OAuth2AuthorizationContext context, ClientAuthorizationException refused) {
		try {
			return this.initialGrant.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName());
		}
		catch (ClientAuthorizationException ex) {
			ex.addSuppressed(refused);
			throw ex;
		}
	}

}
