package dev.cobooauth.oauth2.client;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;

/**
 * The reactive twin of {@link OrgAccessTokenOAuth2AuthorizedClientProvider}: refresh while the
 * refresh token is usable, fall back once to {@code org_implicit} when it is dead or its fate unknown.
 */
public final class OrgAccessTokenReactiveOAuth2AuthorizedClientProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private final RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh;

	private final OrgImplicitReactiveOAuth2AuthorizedClientProvider orgImplicit;

	private final TokenExpiry expiry;

	/**
	 * @param refresh Spring Security's reactive refresh provider, set up with Cobo's refresh client
	 * @param orgImplicit the reactive {@code org_implicit} grant
	 * @param expiry decides when tokens are due
	 */
	public OrgAccessTokenReactiveOAuth2AuthorizedClientProvider(RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh,
			OrgImplicitReactiveOAuth2AuthorizedClientProvider orgImplicit, TokenExpiry expiry) {
		if (refresh == null || orgImplicit == null || expiry == null) {
			throw new IllegalArgumentException("refresh, orgImplicit and expiry cannot be null");
		}
		this.refresh = refresh;
		this.orgImplicit = orgImplicit;
		this.expiry = expiry;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		if (!CoboAuthorizationGrantTypes.ORG_IMPLICIT.equals(context.getClientRegistration().getAuthorizationGrantType())) {
			return Mono.empty();
		}
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || !this.expiry.isUsable(current.getRefreshToken())) {
			return this.orgImplicit.authorize(context);
		}
		return this.refresh.authorize(context).map(this.expiry::stamp).onErrorResume(RefreshFailures::calledForANewGrant,
				(refused) -> this.orgImplicit
					.authorizeAnew(context.getClientRegistration(), context.getPrincipal().getName())
					.doOnError((failure) -> failure.addSuppressed(refused)));
	}

}
