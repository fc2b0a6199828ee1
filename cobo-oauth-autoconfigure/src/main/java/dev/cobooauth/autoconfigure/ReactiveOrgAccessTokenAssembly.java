package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.OrgAccessTokenReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.OrgImplicitReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.oauth2.client.ReactiveCoboTokenStoreAdapter;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.WebClientCoboTokenResponseClient;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Puts together the reactive Org Access Token machinery on Spring Security's parts: token clients,
 * the refresh and {@code org_implicit} providers, and a manager that works outside any
 * {@code ServerWebExchange}.
 */
final class ReactiveOrgAccessTokenAssembly {

	private ReactiveOrgAccessTokenAssembly() {
	}

	static ReactiveCoboOrgAccessTokens assemble(CoboClientRegistrations registrations, CoboTokenStore store,
			TokenExpiry expiry, WebClient tokenClient) {
		RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(
				new WebClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::refreshOrgToken));
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		OrgImplicitReactiveOAuth2AuthorizedClientProvider orgImplicit = new OrgImplicitReactiveOAuth2AuthorizedClientProvider(
				new WebClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::orgImplicit), expiry);
		ReactiveCoboTokenStoreAdapter reactiveStore = new ReactiveCoboTokenStoreAdapter(store);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				new InMemoryReactiveClientRegistrationRepository(registrations.getRegistrations()), reactiveStore);
		manager.setAuthorizedClientProvider(
				new OrgAccessTokenReactiveOAuth2AuthorizedClientProvider(refresh, orgImplicit, expiry));
		return new ReactiveCoboOrgAccessTokens(manager, reactiveStore, CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

}
