package dev.cobooauth.oauth2.client;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;

/**
 * The reactive twin of {@link RefreshingOAuth2AuthorizedClientProvider}: refresh while the refresh
 * token is usable, fall back once to the initial grant when it is dead or its fate unknown.
 */
public final class RefreshingReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh;

	private final InitialGrantReactiveOAuth2AuthorizedClientProvider<?> initialGrant;

	private final TokenExpiry expiry;

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

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		if (!this.initialGrant.serves(context.getClientRegistration())) {
			return Mono.empty();
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.initialGrant.authorize(context);
		}
		return this.refresh.authorize(context)
			.map(this.expiry::stamp)
			.onErrorResume(RefreshFailures::calledForANewGrant,
					(refused) -> this.initialGrant
						.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName())
						.doOnError((failure) -> failure.addSuppressed(refused)));
	}

}
