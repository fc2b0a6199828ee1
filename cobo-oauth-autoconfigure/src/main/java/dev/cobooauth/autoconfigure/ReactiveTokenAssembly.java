package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboWebClientConfigurer;
import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboTokenStore;
import dev.cobooauth.oauth2.InitialGrantReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.oauth2.ReactiveCoboPermissionTokens;
import dev.cobooauth.oauth2.ReactiveCoboTokenStoreAdapter;
import dev.cobooauth.oauth2.RefreshingReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.SingleFlightReactiveOAuth2AuthorizedClientManager;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenFlights;
import dev.cobooauth.oauth2.TokenLock;
import dev.cobooauth.oauth2.TokenOutcomes;
import dev.cobooauth.oauth2.CoboTokenRequest;
import dev.cobooauth.oauth2.CoboTokenRequests;
import dev.cobooauth.oauth2.CoboTokenRetry;
import dev.cobooauth.oauth2.RetryingReactiveOAuth2AccessTokenResponseClient;
import dev.cobooauth.oauth2.WebClientCoboTokenResponseClient;
import dev.cobooauth.oauth2.CoboTokenObservations;
import dev.cobooauth.signing.CoboRequestSigner;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Puts together the reactive token machinery of both flows on Spring Security's parts: retrying
 * token clients, the initial grant and Spring's reactive refresh provider, a manager that works
 * outside any {@code ServerWebExchange}, and the single-flight manager in front of it. Every token
 * request is observed, and the outcome of every authorization recorded for the health contributor.
 */
final class ReactiveTokenAssembly {

	private final WebClient tokenClient;

	private final CoboTokenRetry retry;

	private final CoboClientRegistrations registrations;

	private final ReactiveCoboTokenStoreAdapter store;

	private final TokenLock lock;

	private final TokenFlights flights;

	private final Duration acquireTimeout;

	private final CoboTokenObservations observations;

	private final TokenOutcomes outcomes;

	/**
	 * @param tokenClient signs with the flow's key and verifies Cobo's signatures
	 * @param retry when token requests are tried again
	 * @param registrations the starter's registrations
	 * @param store where tokens are kept, shared with the servlet side
	 * @param flights the token requests in flight, shared with the servlet side
	 * @param acquireTimeout how long a subscriber waits for a request in flight
	 * @param observations observe each token request
	 * @param outcomes record the outcome of each authorization, shared with the servlet side
	 */
	ReactiveTokenAssembly(WebClient tokenClient, CoboTokenRetry retry, CoboClientRegistrations registrations,
			CoboTokenStore store, TokenFlights flights, Duration acquireTimeout, CoboTokenObservations observations,
			TokenOutcomes outcomes) {
		this.tokenClient = tokenClient;
		this.retry = retry;
		this.registrations = registrations;
		this.store = new ReactiveCoboTokenStoreAdapter(store);
		this.lock = store.getLock();
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
	static WebClient tokenClient(WebClient.Builder builder, TokenHttpClients http, CoboEndpoint endpoint,
			CoboRequestSigner signer) {
		JdkClientHttpConnector connector = new JdkClientHttpConnector(http.httpClient());
		connector.setReadTimeout(http.readTimeout());
		return builder.clientConnector(connector).apply(new CoboWebClientConfigurer(endpoint, signer)).build();
	}

	ReactiveCoboOrgAccessTokens orgAccessTokens(TokenExpiry expiry) {
		InitialGrantReactiveOAuth2AuthorizedClientProvider<?> orgImplicit = InitialGrantReactiveOAuth2AuthorizedClientProvider
			.orgImplicit(client(CoboTokenRequests::orgImplicit), expiry);
		ReactiveOAuth2AuthorizedClientManager manager = manager(orgImplicit,
				client(CoboTokenRequests::refreshOrgToken), expiry);
		return new ReactiveCoboOrgAccessTokens(manager, this.store, CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

	ReactiveCoboPermissionTokens permissionTokens(TokenExpiry expiry, String permissionType) {
		String principalName = this.registrations.get(CoboClientRegistrations.PERMISSION_TOKEN).getClientId();
		InitialGrantReactiveOAuth2AuthorizedClientProvider<?> exchange = InitialGrantReactiveOAuth2AuthorizedClientProvider
			.permissionToken(client(CoboTokenRequests::permissionExchange), permissionType, expiry);
		ReactiveOAuth2AuthorizedClientManager manager = manager(exchange,
				client(CoboTokenRequests::refreshPermissionToken), expiry);
		return new ReactiveCoboPermissionTokens(manager, CoboClientRegistrations.PERMISSION_TOKEN, principalName);
	}

	private ReactiveOAuth2AuthorizedClientManager manager(
			InitialGrantReactiveOAuth2AuthorizedClientProvider<?> initialGrant,
			ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient, TokenExpiry expiry) {
		RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(refreshClient);
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		initialGrant.setObservations(this.observations);
		RefreshingReactiveOAuth2AuthorizedClientProvider refreshing = new RefreshingReactiveOAuth2AuthorizedClientProvider(
				refresh, initialGrant, expiry);
		refreshing.setObservations(this.observations);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				new InMemoryReactiveClientRegistrationRepository(this.registrations.getRegistrations()), this.store);
		manager.setAuthorizedClientProvider(refreshing);
		recordOutcomes(manager);
		return new SingleFlightReactiveOAuth2AuthorizedClientManager(manager, this.store, this.flights, expiry,
				this.acquireTimeout, this.lock);
	}

	/**
	 * Keeps the manager's default handling, saving a new token and forgetting one Cobo calls dead,
	 * and records each outcome beside it.
	 */
	private void recordOutcomes(AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager) {
		manager.setAuthorizationSuccessHandler((client, principal, attributes) -> this.store
			.saveAuthorizedClient(client, principal)
			.doOnSuccess((saved) -> this.outcomes.succeeded(client.getClientRegistration().getRegistrationId(),
					principal.getName(), client.getAccessToken())));
		RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler forgetDeadTokens = new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
				(registrationId, principal, attributes) -> this.store.removeAuthorizedClient(registrationId,
						principal.getName()));
		manager.setAuthorizationFailureHandler((failure, principal, attributes) -> forgetDeadTokens
			.onAuthorizationFailure(failure, principal, attributes)
			.doOnSuccess((done) -> {
				if (failure instanceof ClientAuthorizationException refused) {
					this.outcomes.failed(refused.getClientRegistrationId(), principal.getName(), refused.getError());
				}
			}));
	}

	private <T extends AbstractOAuth2AuthorizationGrantRequest> ReactiveOAuth2AccessTokenResponseClient<T> client(
			Function<T, CoboTokenRequest> requests) {
		return new RetryingReactiveOAuth2AccessTokenResponseClient<>(
				new WebClientCoboTokenResponseClient<>(this.tokenClient, requests), this.retry);
	}

}
