package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;

/**
 * Keeps an organization's Org Access Token valid: refreshes it with Spring Security's refresh
 * provider while the refresh token is usable, and falls back once to {@code org_implicit} when
 * Cobo calls the refresh token dead ({@code invalid_grant}), when it is past its lifetime, or when
 * a refresh failed without saying whether Cobo rotated it (so a refresh token is never sent twice).
 */
public final class OrgAccessTokenOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private final RefreshTokenOAuth2AuthorizedClientProvider refresh;

	private final OrgImplicitOAuth2AuthorizedClientProvider orgImplicit;

	private final TokenExpiry expiry;

	/**
	 * @param refresh Spring Security's refresh provider, set up with Cobo's refresh token client
	 * @param orgImplicit the {@code org_implicit} grant
	 * @param expiry decides when tokens are due
	 */
	public OrgAccessTokenOAuth2AuthorizedClientProvider(RefreshTokenOAuth2AuthorizedClientProvider refresh,
			OrgImplicitOAuth2AuthorizedClientProvider orgImplicit, TokenExpiry expiry) {
		if (refresh == null || orgImplicit == null || expiry == null) {
			throw new IllegalArgumentException("refresh, orgImplicit and expiry cannot be null");
		}
		this.refresh = refresh;
		this.orgImplicit = orgImplicit;
		this.expiry = expiry;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		if (!CoboAuthorizationGrantTypes.ORG_IMPLICIT.equals(context.getClientRegistration().getAuthorizationGrantType())) {
			return null;
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.orgImplicit.authorize(context);
		}
		try {
			OAuth2AuthorizedClient refreshed = this.refresh.authorize(context);
			return (refreshed != null) ? this.expiry.stamp(refreshed) : null;
		}
		catch (ClientAuthorizationException ex) {
			if (!RefreshFailures.calledForANewGrant(ex)) {
				throw ex;
			}
			return reauthorize(context, ex);
		}
	}

	private OAuth2AuthorizedClient reauthorize(OAuth2AuthorizationContext context, ClientAuthorizationException refused) {
		try {
			return this.orgImplicit.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName());
		}
		catch (ClientAuthorizationException ex) {
			ex.addSuppressed(refused);
			throw ex;
		}
	}

}
