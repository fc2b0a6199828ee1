package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboPermissionTokens;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.PermissionAccessTokenOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.PermissionTokenOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.RestClientCoboTokenResponseClient;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.web.client.RestClient;

/**
 * Puts together the servlet Permission Access Token machinery on Spring Security's parts: token
 * clients, the refresh and exchange providers, and a manager that works outside any HTTP request.
 */
final class ServletPermissionTokenAssembly {

	private ServletPermissionTokenAssembly() {
	}

	/**
	 * @param registrations must hold the API key's registration
	 * @param store where the token is kept
	 * @param expiry the clock and clock skew; the refresh token lifetime is set here
	 * @param permissionType the permission requested in the exchange
	 * @param tokenClient a client that signs with the API key and verifies Cobo's signatures
	 * @return the service handing out the token
	 */
	static CoboPermissionTokens assemble(CoboClientRegistrations registrations, CoboTokenStore store,
			TokenExpiry expiry, String permissionType, RestClient tokenClient) {
		String principalName = registrations.get(CoboClientRegistrations.PERMISSION_TOKEN).getClientId();
		TokenExpiry permissionExpiry = expiry
			.withRefreshTokenLifetime(CoboPermissionTokenAutoConfiguration.PERMISSION_REFRESH_TOKEN_LIFETIME);
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(
				new RestClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::refreshPermissionToken));
		refresh.setClock(permissionExpiry.getClock());
		refresh.setClockSkew(permissionExpiry.getClockSkew());
		PermissionTokenOAuth2AuthorizedClientProvider exchange = new PermissionTokenOAuth2AuthorizedClientProvider(
				new RestClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::permissionExchange),
				permissionType, permissionExpiry);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations.repository(), store.getAuthorizedClientService());
		manager.setAuthorizedClientProvider(
				new PermissionAccessTokenOAuth2AuthorizedClientProvider(refresh, exchange, permissionExpiry));
		return new CoboPermissionTokens(manager, CoboClientRegistrations.PERMISSION_TOKEN, principalName);
	}

}
