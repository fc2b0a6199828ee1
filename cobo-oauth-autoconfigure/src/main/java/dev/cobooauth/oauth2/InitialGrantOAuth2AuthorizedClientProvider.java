package dev.cobooauth.oauth2;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * One of Cobo's grants that need no refresh token: {@link InitialGrant#orgImplicit org_implicit}
 * for an organization's Org Access Token, or the {@link InitialGrant#permissionToken permission
 * token exchange}. It obtains a token when there is none, or when the current one is due and its
 * refresh token is unusable, and returns {@code null} for registrations of any other grant type.
 * Each request is observed and logged at DEBUG, the token only by its first characters; a failure
 * at WARN, once.
 *
 * @param <T> the grant request it sends
 */
final class InitialGrantOAuth2AuthorizedClientProvider<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AuthorizedClientProvider {

	private static final Log logger = LogFactory.getLog(InitialGrantOAuth2AuthorizedClientProvider.class);

	private final InitialGrant<T> grant;

	private final OAuth2AccessTokenResponseClient<T> accessTokenResponseClient;

	private final TokenExpiry expiry;

	private final CoboTokenObservations observations;

	/**
	 * @param grant the grant: {@link InitialGrant#orgImplicit()} or
	 * {@link InitialGrant#permissionToken(String)}
	 * @param accessTokenResponseClient calls Cobo's token operation of that grant
	 * @param expiry decides when a token is due; for permission tokens its refresh token lifetime
	 * must be the permission refresh tokens'
	 * @param observations makes the observation of each token request
	 */
	InitialGrantOAuth2AuthorizedClientProvider(InitialGrant<T> grant,
			OAuth2AccessTokenResponseClient<T> accessTokenResponseClient, TokenExpiry expiry,
			CoboTokenObservations observations) {
		this.grant = grant;
		this.accessTokenResponseClient = accessTokenResponseClient;
		this.expiry = expiry;
		this.observations = observations;
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		ClientRegistration registration = context.getClientRegistration();
		if (!serves(registration) || !this.expiry.needsInitialGrant(context.getAuthorizedClient())) {
			return null;
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
	 * @return the new authorized client, dated by the expiry's clock
	 * @throws ClientAuthorizationException naming the token and Cobo's answer if Cobo refuses
	 */
	public OAuth2AuthorizedClient authorizeAnew(ClientRegistration registration, String principalName) {
		OAuth2AccessTokenResponse response = this.observations
			.observation(this.grant.operation(), registration.getRegistrationId(), principalName)
			.observe(() -> request(registration, principalName));
		OAuth2AuthorizedClient client = this.expiry.stamp(new OAuth2AuthorizedClient(registration, principalName,
				response.getAccessToken(), response.getRefreshToken()));
		if (logger.isDebugEnabled()) {
			logger.debug("Obtained " + this.grant.tokenName().apply(principalName) + " with "
					+ this.grant.operation().getGrantType().getValue() + ": "
					+ RedactedToken.of(client.getAccessToken().getTokenValue()) + ", expires at "
					+ client.getAccessToken().getExpiresAt());
		}
		return client;
	}

	private OAuth2AccessTokenResponse request(ClientRegistration registration, String principalName) {
		if (logger.isTraceEnabled()) {
			logger.trace("Requesting " + this.grant.tokenName().apply(principalName) + " with "
					+ this.grant.operation().getGrantType().getValue());
		}
		try {
			return this.accessTokenResponseClient.getTokenResponse(this.grant.grantRequests().apply(registration, principalName));
		}
		catch (OAuth2AuthorizationException ex) {
			TokenWarnings.initialGrantFailed(this.grant.tokenName().apply(principalName), ex);
			throw new ClientAuthorizationException(ex.getError(), registration.getRegistrationId(),
					"Cannot get " + this.grant.tokenName().apply(principalName) + ": " + ex.getMessage(), ex);
		}
	}

}
