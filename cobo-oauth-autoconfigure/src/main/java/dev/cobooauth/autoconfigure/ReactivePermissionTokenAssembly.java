package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.PermissionAccessTokenReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.PermissionTokenReactiveOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.ReactiveCoboPermissionTokens;
import dev.cobooauth.oauth2.client.ReactiveCoboTokenStoreAdapter;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.WebClientCoboTokenResponseClient;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Puts together the reactive Permission Access Token machinery on Spring Security's parts: token
 * clients, the refresh and exchange providers, and a manager that works outside any
 * {@code ServerWebExchange}.
 */
final class ReactivePermissionTokenAssembly {

	private ReactivePermissionTokenAssembly() {
	}

	/**
	 * @param registrations must hold the API key's registration
	 * @param store where the token is kept, shared with the servlet stack
	 * @param expiry the clock and clock skew; the refresh token lifetime is set here
	 * @param permissionType the permission requested in the exchange
	 * @param tokenClient a client that signs with the API key and verifies Cobo's signatures
	 * @return the service handing out the token
	 */
	static ReactiveCoboPermissionTokens assemble(CoboClientRegistrations registrations, CoboTokenStore store,
			TokenExpiry expiry, String permissionType, WebClient tokenClient) {
		String principalName = registrations.get(CoboClientRegistrations.PERMISSION_TOKEN).getClientId();
		TokenExpiry permissionExpiry = expiry
			.withRefreshTokenLifetime(CoboPermissionTokenAutoConfiguration.PERMISSION_REFRESH_TOKEN_LIFETIME);
		RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(
				new WebClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::refreshPermissionToken));
		refresh.setClock(permissionExpiry.getClock());
		refresh.setClockSkew(permissionExpiry.getClockSkew());
		PermissionTokenReactiveOAuth2AuthorizedClientProvider exchange = new PermissionTokenReactiveOAuth2AuthorizedClientProvider(
				new WebClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::permissionExchange),
				permissionType, permissionExpiry);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				new InMemoryReactiveClientRegistrationRepository(registrations.getRegistrations()),
				new ReactiveCoboTokenStoreAdapter(store));
		manager.setAuthorizedClientProvider(
				new PermissionAccessTokenReactiveOAuth2AuthorizedClientProvider(refresh, exchange, permissionExpiry));
		return new ReactiveCoboPermissionTokens(manager, CoboClientRegistrations.PERMISSION_TOKEN, principalName);
	}

}
