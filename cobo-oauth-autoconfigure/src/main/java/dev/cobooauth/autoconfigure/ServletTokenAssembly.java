package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.oauth2.CoboTokenStore;
import dev.cobooauth.oauth2.InitialGrantOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.RefreshingOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.SingleFlightOAuth2AuthorizedClientManager;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenFlights;
import dev.cobooauth.oauth2.TokenOutcomes;
import dev.cobooauth.oauth2.CoboTokenRequest;
import dev.cobooauth.oauth2.CoboTokenRequests;
import dev.cobooauth.oauth2.CoboTokenRetry;
import dev.cobooauth.oauth2.RestClientCoboTokenResponseClient;
import dev.cobooauth.oauth2.RetryingOAuth2AccessTokenResponseClient;
import dev.cobooauth.oauth2.CoboTokenObservations;
import dev.cobooauth.signing.CoboRequestSigner;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.web.client.RestClient;

/**
 * Puts together the servlet token machinery of both flows on Spring Security's parts: retrying
 * token clients, the initial grant and Spring's refresh provider, a manager that works outside any
 * HTTP request, and the single-flight manager in front of it. Every token request is observed, and
 * the outcome of every authorization recorded for the health contributor.
 */
final class ServletTokenAssembly {

	private final RestClient tokenClient;

	private final CoboTokenRetry retry;

	private final CoboClientRegistrations registrations;

	private final CoboTokenStore store;

	private final TokenFlights flights;

	private final Duration acquireTimeout;

	private final CoboTokenObservations observations;

	private final TokenOutcomes outcomes;

	/**
	 * @param tokenClient signs with the flow's key and verifies Cobo's signatures
	 * @param retry when token requests are tried again
	 * @param registrations the starter's registrations
	 * @param store where tokens are kept
	 * @param flights the token requests in flight
	 * @param acquireTimeout how long a caller waits for a request in flight
	 * @param observations observe each token request
	 * @param outcomes record the outcome of each authorization
	 */
	ServletTokenAssembly(RestClient tokenClient, CoboTokenRetry retry, CoboClientRegistrations registrations,
			CoboTokenStore store, TokenFlights flights, Duration acquireTimeout, CoboTokenObservations observations,
			TokenOutcomes outcomes) {
		this.tokenClient = tokenClient;
		this.retry = retry;
		this.registrations = registrations;
		this.store = store;
		this.flights = flights;
		this.acquireTimeout = acquireTimeout;
		this.observations = observations;
		this.outcomes = outcomes;
	}

	/**
	 * @param builder a builder from the application, or a new one
	 * @param http the timeouts of token requests
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param signer the flow's key
	 * @return a client for token requests
	 */
	static RestClient tokenClient(RestClient.Builder builder, TokenHttpClients http, CoboEndpoint endpoint,
			CoboRequestSigner signer) {
		return builder.requestFactory(http.requestFactory())
			.apply(new CoboRestClientConfigurer(endpoint, signer))
			.build();
	}

	CoboOrgAccessTokens orgAccessTokens(TokenExpiry expiry) {
		InitialGrantOAuth2AuthorizedClientProvider<?> orgImplicit = InitialGrantOAuth2AuthorizedClientProvider
			.orgImplicit(client(CoboTokenRequests::orgImplicit), expiry);
		OAuth2AuthorizedClientManager manager = manager(orgImplicit, client(CoboTokenRequests::refreshOrgToken), expiry);
		return new CoboOrgAccessTokens(manager, this.store.getAuthorizedClientService(),
				CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

	CoboPermissionTokens permissionTokens(TokenExpiry expiry, String permissionType) {
		String principalName = this.registrations.get(CoboClientRegistrations.PERMISSION_TOKEN).getClientId();
		InitialGrantOAuth2AuthorizedClientProvider<?> exchange = InitialGrantOAuth2AuthorizedClientProvider
			.permissionToken(client(CoboTokenRequests::permissionExchange), permissionType, expiry);
		OAuth2AuthorizedClientManager manager = manager(exchange, client(CoboTokenRequests::refreshPermissionToken),
				expiry);
		return new CoboPermissionTokens(manager, CoboClientRegistrations.PERMISSION_TOKEN, principalName);
	}

	private OAuth2AuthorizedClientManager manager(InitialGrantOAuth2AuthorizedClientProvider<?> initialGrant,
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient, TokenExpiry expiry) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(refreshClient);
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		initialGrant.setObservations(this.observations);
		RefreshingOAuth2AuthorizedClientProvider refreshing = new RefreshingOAuth2AuthorizedClientProvider(refresh,
				initialGrant, expiry);
		refreshing.setObservations(this.observations);
		OAuth2AuthorizedClientService service = this.store.getAuthorizedClientService();
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				this.registrations.repository(), service);
		manager.setAuthorizedClientProvider(refreshing);
		recordOutcomes(manager, service);
		return new SingleFlightOAuth2AuthorizedClientManager(manager, service, this.flights, expiry,
				this.acquireTimeout, this.store.getLock());
	}

	/**
	 * Keeps the manager's default handling, saving a new token and forgetting one Cobo calls dead,
	 * and records each outcome beside it.
	 */
	private void recordOutcomes(AuthorizedClientServiceOAuth2AuthorizedClientManager manager,
			OAuth2AuthorizedClientService service) {
		manager.setAuthorizationSuccessHandler((client, principal, attributes) -> {
			service.saveAuthorizedClient(client, principal);
			this.outcomes.succeeded(client.getClientRegistration().getRegistrationId(), principal.getName(),
					client.getAccessToken());
		});
		RemoveAuthorizedClientOAuth2AuthorizationFailureHandler forgetDeadTokens = new RemoveAuthorizedClientOAuth2AuthorizationFailureHandler(
				(registrationId, principal, attributes) -> service.removeAuthorizedClient(registrationId,
						principal.getName()));
		manager.setAuthorizationFailureHandler((failure, principal, attributes) -> {
			forgetDeadTokens.onAuthorizationFailure(failure, principal, attributes);
			if (failure instanceof ClientAuthorizationException refused) {
				this.outcomes.failed(refused.getClientRegistrationId(), principal.getName(), refused.getError());
			}
		});
	}

	private <T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> client(
			Function<T, CoboTokenRequest> requests) {
		return new RetryingOAuth2AccessTokenResponseClient<>(
				new RestClientCoboTokenResponseClient<>(this.tokenClient, requests), this.retry);
	}

}
