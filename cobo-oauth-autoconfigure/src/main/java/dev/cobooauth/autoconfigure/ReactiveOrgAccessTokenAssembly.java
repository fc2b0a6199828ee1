package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.OrgAccessTokenReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.OrgImplicitReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.oauth2.client.ReactiveCoboTokenStoreAdapter;
import dev.cobooauth.oauth2.client.SingleFlightReactiveOAuth2AuthorizedClientManager;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.client.TokenFlights;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequest;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.CoboTokenRetry;
import dev.cobooauth.oauth2.endpoint.RetryingReactiveOAuth2AccessTokenResponseClient;
import dev.cobooauth.oauth2.endpoint.WebClientCoboTokenResponseClient;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Puts together the reactive Org Access Token machinery on Spring Security's parts: retrying token
 * clients, the refresh and {@code org_implicit} providers, a manager that works outside any
 * {@code ServerWebExchange}, and the single-flight manager in front of it.
 */
final class ReactiveOrgAccessTokenAssembly {

	private final WebClient tokenClient;

	private final CoboTokenRetry retry;

	ReactiveOrgAccessTokenAssembly(WebClient tokenClient, CoboTokenRetry retry) {
		this.tokenClient = tokenClient;
		this.retry = retry;
	}

	ReactiveCoboOrgAccessTokens assemble(CoboClientRegistrations registrations, CoboTokenStore store,
			TokenExpiry expiry, TokenFlights flights, Duration acquireTimeout) {
		RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(client(CoboTokenRequests::refreshOrgToken));
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		OrgImplicitReactiveOAuth2AuthorizedClientProvider orgImplicit = new OrgImplicitReactiveOAuth2AuthorizedClientProvider(
				client(CoboTokenRequests::orgImplicit), expiry);
		ReactiveCoboTokenStoreAdapter service = new ReactiveCoboTokenStoreAdapter(store);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				new InMemoryReactiveClientRegistrationRepository(registrations.getRegistrations()), service);
		manager.setAuthorizedClientProvider(
				new OrgAccessTokenReactiveOAuth2AuthorizedClientProvider(refresh, orgImplicit, expiry));
		return new ReactiveCoboOrgAccessTokens(
				new SingleFlightReactiveOAuth2AuthorizedClientManager(manager, service, flights, expiry, acquireTimeout),
				service, CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

	<T extends AbstractOAuth2AuthorizationGrantRequest> ReactiveOAuth2AccessTokenResponseClient<T> client(
			Function<T, CoboTokenRequest> requests) {
		return new RetryingReactiveOAuth2AccessTokenResponseClient<>(
				new WebClientCoboTokenResponseClient<>(this.tokenClient, requests), this.retry);
	}

}
