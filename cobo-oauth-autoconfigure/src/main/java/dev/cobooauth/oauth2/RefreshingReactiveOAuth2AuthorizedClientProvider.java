package dev.cobooauth.oauth2;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;

/**
 * The reactive twin of {@link RefreshingOAuth2AuthorizedClientProvider}: refresh while the refresh
 * token is usable, fall back once to the initial grant when it is dead or its fate unknown; each
 * refresh observed and logged the same way.
 */
public final class RefreshingReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private static final Log logger = LogFactory.getLog(RefreshingReactiveOAuth2AuthorizedClientProvider.class);

	private final RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh;

	private final InitialGrantReactiveOAuth2AuthorizedClientProvider<?> initialGrant;

	private final TokenExpiry expiry;

	private CoboTokenObservations observations = CoboTokenObservations.NOOP;

	/**
	 * @param refresh Spring Security's reactive refresh provider, set up with Cobo's refresh client
	 * @param initialGrant the reactive grant that needs no refresh token
	 * @param expiry decides when tokens are due and dates refreshed ones
	 */
	public RefreshingReactiveOAuth2AuthorizedClientProvider(RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh,
			InitialGrantReactiveOAuth2AuthorizedClientProvider<?> initialGrant, TokenExpiry expiry) {
		if (refresh == null || initialGrant == null || expiry == null) {
			throw new IllegalArgumentException("refresh, initialGrant and expiry cannot be null");
		}
		this.refresh = refresh;
		this.initialGrant = initialGrant;
		this.expiry = expiry;
	}

	/**
	 * @param observations makes the observation of each refresh; {@link CoboTokenObservations#NOOP}
	 * by default
	 */
	public void setObservations(CoboTokenObservations observations) {
		if (observations == null) {
			throw new IllegalArgumentException("observations cannot be null");
		}
		this.observations = observations;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		if (!this.initialGrant.serves(context.getClientRegistration())) {
			return Mono.empty();
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.initialGrant.authorize(context);
		}
		if (!this.expiry.isDue(current.getAccessToken())) {
			return Mono.empty();
		}
		return ReactiveObservations
			.observe(() -> this.observations.observation(this.initialGrant.getOperation().getRefreshOperation(),
					context.getClientRegistration().getRegistrationId(), current.getPrincipalName()),
					this.refresh.authorize(context))
			.map(this.expiry::stamp)
			.doOnNext(RefreshingReactiveOAuth2AuthorizedClientProvider::logRefreshed)
			.onErrorResume(RefreshFailures::calledForANewGrant, (refused) -> {
				logger.debug("Refresh of the token of '" + current.getPrincipalName() + "' failed ("
						+ ((ClientAuthorizationException) refused).getError().getErrorCode()
						+ "); obtaining it anew, the refresh token is never sent again");
				return this.initialGrant
					.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName())
					.doOnError((failure) -> failure.addSuppressed(refused));
			});
	}

	private static void logRefreshed(OAuth2AuthorizedClient client) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refreshed the token of '" + client.getPrincipalName() + "': "
					+ RedactedToken.of(client.getAccessToken().getTokenValue()) + ", expires at "
					+ client.getAccessToken().getExpiresAt());
		}
	}

}
