package dev.cobooauth.oauth2;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.client.RestClient;

/**
 * Puts the token engine together on Spring Security's parts, once for both stacks: the starter's
 * registrations and token store, retrying token clients over a {@code RestClient} that signs with
 * the flow's key and verifies Cobo's answers, the initial grant and Spring's refresh provider, a
 * manager that works outside any HTTP request, and the single-flight manager in front of it. Every
 * token request is observed, and the outcome of every authorization recorded for the health
 * contributor.
 */
final class TokenAssembly {

	private final TokenSettings settings;

	private final CoboClientRegistrations registrations;

	private final TokenStore store;

	private final TokenFlights flights = new TokenFlights();

	private final TokenOutcomes outcomes;

	private final RefusedPrincipals refusals;

	private final CoboTokenObservations observations;

	private final CoboTokenRetry retry;

	private final Executor executor;

	private final RefreshSpread refreshSpread;

	/** The token requests this instance may send to Cobo at once, whichever flow they are for. */
	private final Semaphore tokenRequestPermits;

	TokenAssembly(TokenSettings settings) {
		this.settings = settings;
		this.registrations = registrations(settings);
		this.store = store(settings, this.registrations);
		this.outcomes = new TokenOutcomes(settings.clock(), settings.maxTrackedOrgs());
		this.refusals = new RefusedPrincipals(settings.clock(), settings.refusedOrgBackoff(), settings.maxTrackedOrgs());
		this.observations = settings.observations();
		this.retry = settings.retry();
		this.executor = settings.executor();
		this.tokenRequestPermits = new Semaphore(settings.maxConcurrentRequests(), true);
		this.refreshSpread = RefreshSpread.from(settings.refreshSpread());
	}

	private static CoboClientRegistrations registrations(TokenSettings settings) {
		List<ClientRegistration> registrations = new ArrayList<>();
		if (settings.appKey() != null && settings.clientId() != null) {
			registrations.add(CoboClientRegistrations.portalApp(settings.clientId(),
					settings.endpoint().resolve("/oauth/token")));
		}
		CoboSigner apiKey = settings.apiKey();
		if (apiKey != null) {
			registrations.add(CoboClientRegistrations.permissionTokens(apiKey.publicKeyHex(),
					settings.endpoint().resolve("/oauth/permission_token/exchange"),
					settings.endpoint().resolve("/oauth/permission_token/refresh")));
		}
		return new CoboClientRegistrations(registrations);
	}

	private static TokenStore store(TokenSettings settings, CoboClientRegistrations registrations) {
		DataSource dataSource = settings.dataSource();
		TokenLock lock = settings.tokenLock();
		if (dataSource == null) {
			return new TokenStore(new InMemoryOAuth2AuthorizedClientService(registrations.repository()),
					(lock != null) ? lock : TokenLock.NONE, false);
		}
		return JdbcTokenStores.of(dataSource, registrations, settings.encryptionKey(), lock, settings.acquireTimeout());
	}

	CoboClientRegistrations registrations() {
		return this.registrations;
	}

	TokenStore store() {
		return this.store;
	}

	TokenOutcomes outcomes() {
		return this.outcomes;
	}

	/** @return the clock every time decision reads */
	Clock clock() {
		return this.settings.clock();
	}

	/** @return how long before expiry a token is refreshed */
	Duration clockSkew() {
		return this.settings.clockSkew();
	}

	/**
	 * @param refreshTokenLifetime how long the flow's refresh tokens live
	 * @return the clock and clock skew of every flow, with that refresh token lifetime
	 */
	TokenExpiry expiry(Duration refreshTokenLifetime) {
		return new TokenExpiry(this.settings.clock(), this.settings.clockSkew(), refreshTokenLifetime,
				this.refreshSpread);
	}

	SingleFlightOAuth2AuthorizedClientManager orgAccessTokenEngine(CoboSigner appKey, TokenExpiry expiry) {
		RestClient tokenClient = tokenClient(CoboRestClientConfigurer.forAppKey(this.settings.endpoint(), appKey));
		InitialGrantOAuth2AuthorizedClientProvider<?> orgImplicit = new InitialGrantOAuth2AuthorizedClientProvider<>(
				InitialGrant.orgImplicit(), client(tokenClient, CoboTokenRequests::orgImplicit), expiry, this.observations);
		return engine(orgImplicit, client(tokenClient, CoboTokenRequests::refreshOrgToken), expiry);
	}

	SingleFlightOAuth2AuthorizedClientManager permissionTokenEngine(CoboSigner apiKey, String permissionType,
			TokenExpiry expiry) {
		RestClient tokenClient = tokenClient(CoboRestClientConfigurer.forApiKey(this.settings.endpoint(), apiKey));
		InitialGrantOAuth2AuthorizedClientProvider<?> exchange = new InitialGrantOAuth2AuthorizedClientProvider<>(
				InitialGrant.permissionToken(permissionType), client(tokenClient, CoboTokenRequests::permissionExchange),
				expiry, this.observations);
		return engine(exchange, client(tokenClient, CoboTokenRequests::refreshPermissionToken), expiry);
	}

	/**
	 * Token requests go through the JDK HTTP client with the token timeouts, whatever client the
	 * application uses for its WaaS calls, so that a slow token endpoint never holds a caller
	 * longer than configured.
	 */
	private RestClient tokenClient(CoboRestClientConfigurer cobo) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(this.settings.connectTimeout()).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(this.settings.readTimeout());
		// After the configurer, whose request factory would have none of the token timeouts; the
		// JDK's client follows no redirect unless told to.
		return this.settings.restClientBuilder().apply(cobo).requestFactory(requestFactory).build();
	}

	private SingleFlightOAuth2AuthorizedClientManager engine(InitialGrantOAuth2AuthorizedClientProvider<?> initialGrant,
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient, TokenExpiry expiry) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(refreshClient);
		refresh.setClock(expiry.getClock());
		// Our expiry decides when a token is due, up to twice the clock skew before it expires;
		// Spring's provider must then refresh it.
		refresh.setClockSkew(expiry.getClockSkew().multipliedBy(2));
		RefreshingOAuth2AuthorizedClientProvider refreshing = new RefreshingOAuth2AuthorizedClientProvider(refresh,
				initialGrant, expiry, this.observations);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				this.registrations.repository(), this.store.service());
		manager.setAuthorizedClientProvider(refreshing);
		recordOutcomes(manager);
		return new SingleFlightOAuth2AuthorizedClientManager(manager, this.store, this.flights, expiry,
				this.settings.acquireTimeout(), this.executor, this.refusals);
	}

	/**
	 * Keeps the manager's default handling, saving a new token and forgetting one Cobo calls dead,
	 * and records each outcome beside it.
	 */
	private void recordOutcomes(AuthorizedClientServiceOAuth2AuthorizedClientManager manager) {
		OAuth2AuthorizedClientService service = this.store.service();
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
			RestClient tokenClient, Function<T, CoboTokenRequest> requests) {
		return new RetryingOAuth2AccessTokenResponseClient<>(new BoundedTokenRequests<>(
				new RestClientCoboTokenResponseClient<>(tokenClient, requests, this.settings.clock(),
						this.settings.endpoint()::isSigned, this.retry.getMaxBackoff()),
				this.tokenRequestPermits, this.settings.acquireTimeout()), this.retry);
	}

}
