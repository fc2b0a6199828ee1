package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.cobooauth.http.CoboEndpoint;
import dev.cobooauth.http.client.CoboRestClientConfigurer;
import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.client.CoboPermissionTokens;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.InitialGrantOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.RefreshingOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.SingleFlightOAuth2AuthorizedClientManager;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.client.TokenFlights;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequest;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.CoboTokenRetry;
import dev.cobooauth.oauth2.endpoint.RestClientCoboTokenResponseClient;
import dev.cobooauth.oauth2.endpoint.RetryingOAuth2AccessTokenResponseClient;
import dev.cobooauth.signing.CoboRequestSigner;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.web.client.RestClient;

/**
 * Puts together the servlet token machinery of both flows on Spring Security's parts: retrying
 * token clients, the initial grant and Spring's refresh provider, a manager that works outside any
 * HTTP request, and the single-flight manager in front of it.
 */
final class ServletTokenAssembly {

	private final RestClient tokenClient;

	private final CoboTokenRetry retry;

	private final CoboClientRegistrations registrations;

	private final CoboTokenStore store;

	private final TokenFlights flights;

	private final Duration acquireTimeout;

	/**
	 * @param tokenClient signs with the flow's key and verifies Cobo's signatures
	 * @param retry when token requests are tried again
	 * @param registrations the starter's registrations
	 * @param store where tokens are kept
	 * @param flights the token requests in flight
	 * @param acquireTimeout how long a caller waits for a request in flight
	 */
	ServletTokenAssembly(RestClient tokenClient, CoboTokenRetry retry, CoboClientRegistrations registrations,
			CoboTokenStore store, TokenFlights flights, Duration acquireTimeout) {
		this.tokenClient = tokenClient;
		this.retry = retry;
		this.registrations = registrations;
		this.store = store;
		this.flights = flights;
		this.acquireTimeout = acquireTimeout;
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
		OAuth2AuthorizedClientService service = this.store.getAuthorizedClientService();
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				this.registrations.repository(), service);
		manager.setAuthorizedClientProvider(new RefreshingOAuth2AuthorizedClientProvider(refresh, initialGrant, expiry));
		return new SingleFlightOAuth2AuthorizedClientManager(manager, service, this.flights, expiry,
				this.acquireTimeout, this.store.getLock());
	}

	private <T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> client(
			Function<T, CoboTokenRequest> requests) {
		return new RetryingOAuth2AccessTokenResponseClient<>(
				new RestClientCoboTokenResponseClient<>(this.tokenClient, requests), this.retry);
	}

}
