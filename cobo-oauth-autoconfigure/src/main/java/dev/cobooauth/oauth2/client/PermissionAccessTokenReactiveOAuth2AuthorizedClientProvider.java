package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The reactive twin of {@link PermissionAccessTokenOAuth2AuthorizedClientProvider}: refresh while
 * the refresh token is usable, fall back once to a new exchange when it is dead.
 */
public final class PermissionAccessTokenReactiveOAuth2AuthorizedClientProvider
		implements ReactiveOAuth2AuthorizedClientProvider {

	private final RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh;

	private final PermissionTokenReactiveOAuth2AuthorizedClientProvider exchange;

	private final TokenExpiry expiry;

	/**
	 * @param refresh Spring Security's reactive refresh provider, set up with Cobo's permission
	 * refresh client
	 * @param exchange the reactive Permission Access Token exchange
	 * @param expiry decides when tokens are due; its refresh token lifetime must be the permission
	 * refresh tokens' (7 days)
	 */
	public PermissionAccessTokenReactiveOAuth2AuthorizedClientProvider(
			RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh,
			PermissionTokenReactiveOAuth2AuthorizedClientProvider exchange, TokenExpiry expiry) {
		if (refresh == null || exchange == null || expiry == null) {
			throw new IllegalArgumentException("refresh, exchange and expiry cannot be null");
		}
		this.refresh = refresh;
		this.exchange = exchange;
		this.expiry = expiry;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		if (!CoboAuthorizationGrantTypes.PERMISSION_TOKEN.equals(context.getClientRegistration().getAuthorizationGrantType())) {
			return Mono.empty();
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.exchange.authorize(context);
		}
		return this.refresh.authorize(context)
			.onErrorResume(PermissionAccessTokenReactiveOAuth2AuthorizedClientProvider::isInvalidGrant,
					(refused) -> this.exchange
						.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName())
						.doOnError((failure) -> failure.addSuppressed(refused)));
	}

	private static boolean isInvalidGrant(Throwable failure) {
		return failure instanceof ClientAuthorizationException ex
				&& OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode());
	}

}
