package dev.cobooauth.oauth2;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
 * token is never sent twice. Each refresh is observed and logged at
 * DEBUG, the new token only by its first characters; a refresh that fails, at WARN, once.
 */
final class RefreshingOAuth2AuthorizedClientProvider implements OAuth2AuthorizedClientProvider {

	private static final Log logger = LogFactory.getLog(RefreshingOAuth2AuthorizedClientProvider.class);

	private final RefreshTokenOAuth2AuthorizedClientProvider refresh;

	private final InitialGrantOAuth2AuthorizedClientProvider<?> initialGrant;

	private final TokenExpiry expiry;

	private final CoboTokenObservations observations;

	/**
	 * @param refresh Spring Security's refresh provider, set up with Cobo's refresh token client
	 * @param initialGrant the grant that needs no refresh token
	 * @param expiry decides when tokens are due and dates refreshed ones
	 * @param observations makes the observation of each refresh
	 */
	RefreshingOAuth2AuthorizedClientProvider(RefreshTokenOAuth2AuthorizedClientProvider refresh,
			InitialGrantOAuth2AuthorizedClientProvider<?> initialGrant, TokenExpiry expiry,
			CoboTokenObservations observations) {
		this.refresh = refresh;
		this.initialGrant = initialGrant;
		this.expiry = expiry;
		this.observations = observations;
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		if (!this.initialGrant.serves(context.getClientRegistration())) {
			return null;
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.initialGrant.authorize(context);
		}
		if (!this.expiry.isDue(current.getAccessToken())) {
			return null;
		}
		try {
			OAuth2AuthorizedClient refreshed = this.observations
				.observation(this.initialGrant.getOperation().getRefreshOperation(),
						context.getClientRegistration().getRegistrationId(), current.getPrincipalName())
				.observe(() -> this.refresh.authorize(context));
			return (refreshed != null) ? refreshed(this.expiry.stamp(refreshed)) : null;
		}
		catch (ClientAuthorizationException ex) {
			if (!RefreshFailures.calledForANewGrant(ex)) {
				TokenWarnings.refreshFailed(current.getPrincipalName(), ex);
				throw ex;
			}
			TokenWarnings.refreshReplaced(current.getPrincipalName(), ex,
					this.initialGrant.getOperation().getGrantType().getValue());
			return authorizeAnew(context, ex);
		}
	}

	private static OAuth2AuthorizedClient refreshed(OAuth2AuthorizedClient client) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refreshed the token of '" + client.getPrincipalName() + "': "
					+ RedactedToken.of(client.getAccessToken().getTokenValue()) + ", expires at "
					+ client.getAccessToken().getExpiresAt());
		}
		return client;
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
