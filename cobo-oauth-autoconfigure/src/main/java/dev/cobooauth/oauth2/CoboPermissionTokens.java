package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * The organization's Permission Access Token, for a front end that calls Cobo itself (Cobo's
 * Checkout SDK): hands out a token that is not due, exchanging the API key's signature for one or
 * refreshing it only when needed. Works on any thread, not only inside an HTTP request. Inject the
 * {@code coboPermissionTokens} bean, or get it from {@link CoboTokens#permissionTokens()}.
 * <p>
 * There is one token per API key. It is stored under one principal, the API key's public key in
 * hex, so that a store shared by several instances keeps one token for the key, and a new API key
 * never picks up a token issued to an old one.
 */
public class CoboPermissionTokens {

	private final SingleFlightOAuth2AuthorizedClientManager engine;

	private final OAuth2AuthorizeRequest request;

	CoboPermissionTokens(SingleFlightOAuth2AuthorizedClientManager engine, String registrationId,
			String principalName) {
		this.engine = engine;
		this.request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId).principal(principalName).build();
	}

	/**
	 * @return a Permission Access Token that is not due: valid for at least the clock skew
	 * ({@code cobo.token.clock-skew})
	 * @throws org.springframework.security.oauth2.client.ClientAuthorizationException if Cobo
	 * refuses, naming the permission type and Cobo's answer
	 */
	public PermissionAccessToken current() {
		OAuth2AuthorizedClient client = this.engine.authorize(this.request);
		if (client == null) {
			throw new IllegalStateException("No Permission Access Token could be obtained: registration '"
					+ getRegistrationId() + "' is not a permission token registration");
		}
		return PermissionAccessToken.of(client.getAccessToken());
	}

	/** @return the API key's registration id */
	public String getRegistrationId() {
		return this.request.getClientRegistrationId();
	}

}
