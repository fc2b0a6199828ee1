package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The Org Access Tokens of every organization that installed the Portal App: hands out a valid
 * token for an org, obtaining or refreshing it when needed, and forgets a token Cobo rejected.
 * Works on any thread (schedulers, CLI), not only inside an HTTP request. Inject the
 * {@code coboOrgAccessTokens} bean, or get it from {@link CoboTokens#orgAccessTokens()}.
 * <p>
 * It wraps the starter's own manager rather than being an {@code OAuth2AuthorizedClientManager}
 * bean, so that Spring Security keeps building the application's own manager as before.
 */
public class CoboOrgAccessTokens {

	private final SingleFlightOAuth2AuthorizedClientManager engine;

	private final String registrationId;

	CoboOrgAccessTokens(SingleFlightOAuth2AuthorizedClientManager engine, String registrationId) {
		this.engine = engine;
		this.registrationId = registrationId;
	}

	/**
	 * @param orgId the organization
	 * @return its authorized client, with a token that is not due
	 * @throws org.springframework.security.oauth2.client.ClientAuthorizationException if Cobo
	 * refuses, naming the org and Cobo's answer
	 * @throws InvalidCoboOrgException if the org id is {@code null}, empty or whitespace only
	 */
	public OAuth2AuthorizedClient authorize(String orgId) {
		OAuth2AuthorizedClient client = this.engine.authorize(request(orgId));
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
	 * Forgets the org's access token if it is still the one Cobo rejected, keeping its refresh
	 * token, so that the next call waits for one refresh (and a new {@code org_implicit} grant only if
	 * Cobo refuses the refresh). A token that another thread has replaced meanwhile is left alone.
	 * @param orgId the organization
	 * @param rejected the token Cobo rejected
	 */
	public void discard(String orgId, OAuth2AccessToken rejected) {
		this.engine.markDead(this.registrationId, orgId, rejected.getTokenValue());
	}

	/**
	 * Lets the next call for an org ask Cobo at once, although Cobo refused the org's grant within
	 * {@code cobo.token.refused-org-backoff}: for when Cobo tells the application that the org has
	 * installed it. A token asked for in a Spring MVC handler of a {@code @VerifiedCoboDelivery} is
	 * asked of Cobo anyway.
	 * @param orgId the organization
	 */
	public void forgetRefusal(String orgId) {
		this.engine.forgetRefusal(this.registrationId, orgId);
	}

	/** @return the Portal App's registration id */
	public String getRegistrationId() {
		return this.registrationId;
	}

	SingleFlightOAuth2AuthorizedClientManager engine() {
		return this.engine;
	}

	private OAuth2AuthorizeRequest request(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			throw new InvalidCoboOrgException("orgId", orgId);
		}
		return OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId).principal(orgId).build();
	}

}
