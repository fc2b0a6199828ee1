package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The Org Access Tokens of every organization that installed the Portal App: hands out a valid
 * token for an org, obtaining or refreshing it when needed, and forgets a token Cobo rejected.
 * Works on any thread (schedulers, CLI), not only inside an HTTP request.
 * <p>
 * It wraps the starter's own {@link OAuth2AuthorizedClientManager} rather than being one, so that
 * Spring Security keeps building the application's own manager as before.
 */
public class CoboOrgAccessTokens {

	private final OAuth2AuthorizedClientManager manager;

	private final OAuth2AuthorizedClientService store;

	private final String registrationId;

	/**
	 * @param manager the starter's manager, whose provider implements Cobo's grants
	 * @param store the service the manager saves tokens in
	 * @param registrationId the Portal App's registration id
	 */
	public CoboOrgAccessTokens(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService store,
			String registrationId) {
		if (manager == null || store == null || registrationId == null) {
			throw new IllegalArgumentException("manager, store and registrationId cannot be null");
		}
		this.manager = manager;
		this.store = store;
		this.registrationId = registrationId;
	}

	/**
	 * @param orgId the organization
	 * @return its authorized client, with a token that is not due
	 * @throws org.springframework.security.oauth2.client.ClientAuthorizationException if Cobo
	 * refuses, naming the org and Cobo's answer
	 */
	public OAuth2AuthorizedClient authorize(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			throw new IllegalArgumentException("orgId cannot be empty");
		}
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(orgId)
			.build();
		OAuth2AuthorizedClient client = this.manager.authorize(request);
		if (client == null) {
			throw new IllegalStateException("No Org Access Token could be obtained for org " + orgId
					+ ": registration '" + this.registrationId + "' is not an org_implicit registration");
		}
		return client;
	}

	/**
	 * @param orgId the organization
	 * @return a valid Org Access Token for it
	 */
	public OAuth2AccessToken getAccessToken(String orgId) {
		return authorize(orgId).getAccessToken();
	}

	/**
	 * Forgets the org's stored token if it is still the one Cobo rejected, so that the next call
	 * re-authorizes. A token that another thread has replaced meanwhile is left alone.
	 * @param orgId the organization
	 * @param rejected the token Cobo rejected
	 */
	public void discard(String orgId, OAuth2AccessToken rejected) {
		OAuth2AuthorizedClient stored = this.store.loadAuthorizedClient(this.registrationId, orgId);
		if (stored != null && stored.getAccessToken().getTokenValue().equals(rejected.getTokenValue())) {
			this.store.removeAuthorizedClient(this.registrationId, orgId);
		}
	}

	/** @return the Portal App's registration id */
	public String getRegistrationId() {
		return this.registrationId;
	}

}
