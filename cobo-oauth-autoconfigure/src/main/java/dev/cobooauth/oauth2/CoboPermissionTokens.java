package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * The organization's Permission Access Token, for a front end that calls Cobo itself (Cobo's
 * Checkout SDK): hands out a token that is not due, exchanging the API key's signature for one or
 * refreshing it only when needed. Works on any thread, not only inside an HTTP request.
 * <p>
 * There is one token per API key. It is stored under one principal, the API key's public key in
 * hex, so that a store shared by several instances keeps one token for the key, and a new API key
 * never picks up a token issued to an old one.
 * <p>
 * It wraps the starter's own {@link OAuth2AuthorizedClientManager} rather than being one, so that
 * Spring Security keeps building the application's own manager as before.
 */
public class CoboPermissionTokens {

	private final OAuth2AuthorizedClientManager manager;

	private final String registrationId;

	private final String principalName;

	/**
	 * @param manager the starter's manager, whose provider implements the permission token grant
	 * @param registrationId the API key's registration id
	 * @param principalName the name the token is stored under, the API key's public key in hex
	 */
	public CoboPermissionTokens(OAuth2AuthorizedClientManager manager, String registrationId, String principalName) {
		if (manager == null || registrationId == null) {
			throw new IllegalArgumentException("manager and registrationId cannot be null");
		}
		if (principalName == null || principalName.isBlank()) {
			throw new IllegalArgumentException("principalName cannot be empty");
		}
		this.manager = manager;
		this.registrationId = registrationId;
		this.principalName = principalName;
	}

	/**
	 * @return a Permission Access Token that is not due: valid for at least the clock skew
	 * ({@code cobo.token.clock-skew})
	 * @throws org.springframework.security.oauth2.client.ClientAuthorizationException if Cobo
	 * refuses, naming the permission type and Cobo's answer
	 */
	public PermissionAccessToken current() {
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(this.principalName)
			.build();
		OAuth2AuthorizedClient client = this.manager.authorize(request);
		if (client == null) {
			throw new IllegalStateException("No Permission Access Token could be obtained: registration '"
					+ this.registrationId + "' is not a permission token registration");
		}
		return PermissionAccessToken.of(client.getAccessToken());
	}

	/** @return the API key's registration id */
	public String getRegistrationId() {
		return this.registrationId;
	}

}
