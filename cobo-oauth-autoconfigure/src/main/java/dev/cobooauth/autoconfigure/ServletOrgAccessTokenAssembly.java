package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.OrgAccessTokenOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.OrgImplicitOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.SingleFlightOAuth2AuthorizedClientManager;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.client.TokenFlights;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequest;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.CoboTokenRetry;
import dev.cobooauth.oauth2.endpoint.RestClientCoboTokenResponseClient;
import dev.cobooauth.oauth2.endpoint.RetryingOAuth2AccessTokenResponseClient;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.web.client.RestClient;

/**
 * Puts together the servlet Org Access Token machinery on Spring Security's parts: retrying token
 * clients, the refresh and {@code org_implicit} providers, a manager that works outside any HTTP
 * request, and the single-flight manager in front of it.
 */
final class ServletOrgAccessTokenAssembly {

	private final RestClient tokenClient;

	private final CoboTokenRetry retry;

	ServletOrgAccessTokenAssembly(RestClient tokenClient, CoboTokenRetry retry) {
		this.tokenClient = tokenClient;
		this.retry = retry;
	}

	CoboOrgAccessTokens assemble(CoboClientRegistrations registrations, CoboTokenStore store, TokenExpiry expiry,
			TokenFlights flights, Duration acquireTimeout) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(client(CoboTokenRequests::refreshOrgToken));
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		OrgImplicitOAuth2AuthorizedClientProvider orgImplicit = new OrgImplicitOAuth2AuthorizedClientProvider(
				client(CoboTokenRequests::orgImplicit), expiry);
		OAuth2AuthorizedClientService service = store.getAuthorizedClientService();
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations.repository(), service);
		manager.setAuthorizedClientProvider(new OrgAccessTokenOAuth2AuthorizedClientProvider(refresh, orgImplicit, expiry));
		return new CoboOrgAccessTokens(
				new SingleFlightOAuth2AuthorizedClientManager(manager, service, flights, expiry, acquireTimeout), service,
				CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

	<T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> client(
			Function<T, CoboTokenRequest> requests) {
		return new RetryingOAuth2AccessTokenResponseClient<>(
				new RestClientCoboTokenResponseClient<>(this.tokenClient, requests), this.retry);
	}

}
