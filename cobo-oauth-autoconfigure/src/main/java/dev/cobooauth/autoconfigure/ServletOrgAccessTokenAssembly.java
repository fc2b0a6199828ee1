package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.OrgAccessTokenOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.OrgImplicitOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.client.TokenExpiry;
import dev.cobooauth.oauth2.endpoint.CoboTokenRequests;
import dev.cobooauth.oauth2.endpoint.RestClientCoboTokenResponseClient;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.web.client.RestClient;

/**
 * Puts together the servlet Org Access Token machinery on Spring Security's parts: token clients,
 * the refresh and {@code org_implicit} providers, and a manager that works outside any HTTP request.
 */
final class ServletOrgAccessTokenAssembly {

	private ServletOrgAccessTokenAssembly() {
	}

	static CoboOrgAccessTokens assemble(CoboClientRegistrations registrations, CoboTokenStore store,
			TokenExpiry expiry, RestClient tokenClient) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(
				new RestClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::refreshOrgToken));
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		OrgImplicitOAuth2AuthorizedClientProvider orgImplicit = new OrgImplicitOAuth2AuthorizedClientProvider(
				new RestClientCoboTokenResponseClient<>(tokenClient, CoboTokenRequests::orgImplicit), expiry);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations.repository(), store.getAuthorizedClientService());
		manager.setAuthorizedClientProvider(new OrgAccessTokenOAuth2AuthorizedClientProvider(refresh, orgImplicit, expiry));
		return new CoboOrgAccessTokens(manager, store.getAuthorizedClientService(),
				CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

}
