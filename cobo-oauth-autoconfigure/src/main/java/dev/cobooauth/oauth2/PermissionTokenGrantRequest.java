package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * A request to exchange the API key's signature for a Permission Access Token of one permission
 * type, e.g. {@code payment_orders_payin} for Cobo's Checkout SDK.
 */
class PermissionTokenGrantRequest extends AbstractOAuth2AuthorizationGrantRequest {

	private final String permissionType;

	/**
	 * @param clientRegistration the API key's registration (its exchange and refresh URIs)
	 * @param permissionType the permission the token grants
	 */
	public PermissionTokenGrantRequest(ClientRegistration clientRegistration, String permissionType) {
		super(CoboAuthorizationGrantTypes.PERMISSION_TOKEN, clientRegistration);
		if (permissionType == null || permissionType.isBlank()) {
			throw new IllegalArgumentException("permissionType cannot be empty");
		}
		this.permissionType = permissionType;
	}

	/** @return the permission the token grants */
	public String getPermissionType() {
		return this.permissionType;
	}

}
