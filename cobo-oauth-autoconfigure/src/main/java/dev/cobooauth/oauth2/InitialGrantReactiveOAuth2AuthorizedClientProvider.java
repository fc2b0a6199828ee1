package dev.cobooauth.oauth2;


import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

/**
 * The reactive twin of {@link InitialGrantOAuth2AuthorizedClientProvider}: {@code org_implicit} or
 * the permission token exchange, observed and logged the same way.
 *
 * @param <T> the grant request it sends
 */
public final class InitialGrantReactiveOAuth2AuthorizedClientProvider<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements ReactiveOAuth2AuthorizedClientProvider {

	private static final Log logger = LogFactory.getLog(InitialGrantReactiveOAuth2AuthorizedClientProvider.class);

	private final InitialGrant<T> grant;

	private final ReactiveOAuth2AccessTokenResponseClient<T> accessTokenResponseClient;

	private final TokenExpiry expiry;

	private CoboTokenObservations observations = CoboTokenObservations.NOOP;

	/**
	 * @param grant the grant: {@link InitialGrant#orgImplicit()} or
	 * {@link InitialGrant#permissionToken(String)}
	 * @param accessTokenResponseClient calls Cobo's token operation of that grant
	 * @param expiry decides when a token is due; for permission tokens its refresh token lifetime
	 * must be the permission refresh tokens'
	 */
	public InitialGrantReactiveOAuth2AuthorizedClientProvider(InitialGrant<T> grant,
			ReactiveOAuth2AccessTokenResponseClient<T> accessTokenResponseClient, TokenExpiry expiry) {
		if (grant == null) {
			throw new IllegalArgumentException("grant cannot be null");
		}
		if (accessTokenResponseClient == null) {
			throw new IllegalArgumentException("accessTokenResponseClient cannot be null");
		}
		if (expiry == null) {
			throw new IllegalArgumentException("expiry cannot be null");
		}
		this.grant = grant;
		this.accessTokenResponseClient = accessTokenResponseClient;
		this.expiry = expiry;
	}

	/**
	 * The reactive {@code org_implicit} grant. The organization is the principal's name.
	 * @param accessTokenResponseClient calls Cobo's Get Org Access Token
	 * @param expiry decides when a token is due
	 * @return the provider
	 */
	public static InitialGrantReactiveOAuth2AuthorizedClientProvider<OrgImplicitGrantRequest> orgImplicit(
			ReactiveOAuth2AccessTokenResponseClient<OrgImplicitGrantRequest> accessTokenResponseClient,
			TokenExpiry expiry) {
		return new InitialGrantReactiveOAuth2AuthorizedClientProvider<>(InitialGrant.orgImplicit(), accessTokenResponseClient, expiry);
	}

	/**
	 * The reactive permission token exchange.
	 * @param accessTokenResponseClient calls Cobo's Exchange Permission Access Token
	 * @param permissionType the permission requested, e.g. {@code payment_orders_payin}
	 * @param expiry decides when a token is due; its refresh token lifetime must be the permission
	 * refresh tokens'
	 * @return the provider
	 */
	public static InitialGrantReactiveOAuth2AuthorizedClientProvider<PermissionTokenGrantRequest> permissionToken(
			ReactiveOAuth2AccessTokenResponseClient<PermissionTokenGrantRequest> accessTokenResponseClient,
			String permissionType, TokenExpiry expiry) {
		return new InitialGrantReactiveOAuth2AuthorizedClientProvider<>(InitialGrant.permissionToken(permissionType), accessTokenResponseClient,
				expiry);
	}

	/**
	 * @param observations makes the observation of each token request; {@link CoboTokenObservations#NOOP}
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
		ClientRegistration registration = context.getClientRegistration();
		if (!serves(registration) || !this.expiry.needsInitialGrant(context.getAuthorizedClient())) {
			return Mono.empty();
		}
		return authorizeAnew(registration, context.getPrincipal().getName());
	}

	/**
	 * @param registration a registration
	 * @return whether it is of this provider's grant type
	 */
	public boolean serves(ClientRegistration registration) {
		return this.grant.serves(registration);
	}

	/**
	 * @return the operation this grant performs; its {@link CoboTokenOperation#getRefreshOperation()
	 * refresh operation} refreshes the tokens it obtains
	 */
	public CoboTokenOperation getOperation() {
		return this.grant.operation();
	}

	/**
	 * Obtains a new token, whatever the state of the current one.
	 * @param registration the registration
	 * @param principalName the name the token is stored under
	 * @return the new authorized client, dated by the expiry's clock, or a
	 * {@link ClientAuthorizationException} naming the token and Cobo's answer
	 */
	public Mono<OAuth2AuthorizedClient> authorizeAnew(ClientRegistration registration, String principalName) {
		String tokenName = this.grant.tokenName().apply(principalName);
		Mono<OAuth2AuthorizedClient> request = Mono.defer(() -> {
			if (logger.isTraceEnabled()) {
				logger.trace("Requesting " + tokenName + " with " + this.grant.operation().getGrantType().getValue());
			}
			return this.accessTokenResponseClient.getTokenResponse(this.grant.grantRequests().apply(registration, principalName));
		})
			.doOnError(OAuth2AuthorizationException.class, (ex) -> logger
				.debug("Could not get " + tokenName + ": " + ex.getError().getErrorCode()))
			.onErrorMap(OAuth2AuthorizationException.class,
					(ex) -> new ClientAuthorizationException(ex.getError(), registration.getRegistrationId(),
							"Cannot get " + tokenName + ": " + ex.getMessage(), ex))
			.map((response) -> this.expiry.stamp(new OAuth2AuthorizedClient(registration, principalName,
					response.getAccessToken(), response.getRefreshToken())));
		return ReactiveObservations
			.observe(() -> this.observations.observation(this.grant.operation(), registration.getRegistrationId(),
					principalName), request)
			.doOnNext((client) -> {
				if (logger.isDebugEnabled()) {
					logger.debug("Obtained " + tokenName + " with " + this.grant.operation().getGrantType().getValue() + ": "
							+ RedactedToken.of(client.getAccessToken().getTokenValue()) + ", expires at "
							+ client.getAccessToken().getExpiresAt());
				}
			});
	}

}
