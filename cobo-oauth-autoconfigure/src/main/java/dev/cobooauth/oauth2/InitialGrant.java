package dev.cobooauth.oauth2;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * What sets one of Cobo's grants that need no refresh token apart from the other, for the servlet
 * and the reactive provider alike: the operation, the grant request it sends, and how errors and
 * logs name the token.
 *
 * @param <T> the grant request it sends
 * @param operation the token operation
 * @param grantRequests the grant request for a registration and a principal name
 * @param tokenName how to name the token of a principal, e.g. "an Org Access Token for org o-1"
 */
record InitialGrant<T extends AbstractOAuth2AuthorizationGrantRequest>(CoboTokenOperation operation,
		BiFunction<ClientRegistration, String, T> grantRequests, Function<String, String> tokenName) {

	/**
	 * @return the {@code org_implicit} grant; the organization is the principal's name
	 */
	public static InitialGrant<OrgImplicitGrantRequest> orgImplicit() {
		return new InitialGrant<>(CoboTokenOperation.GET_ORG_ACCESS_TOKEN, OrgImplicitGrantRequest::new,
				(orgId) -> "an Org Access Token for org " + orgId);
	}

	/**
	 * @param permissionType the permission requested, e.g. {@code payment_orders_payin}
	 * @return the permission token exchange
	 */
	public static InitialGrant<PermissionTokenGrantRequest> permissionToken(String permissionType) {
		if (permissionType == null || permissionType.isBlank()) {
			throw new IllegalArgumentException("permissionType cannot be empty");
		}
		return new InitialGrant<>(CoboTokenOperation.EXCHANGE_PERMISSION_TOKEN,
				(registration, principalName) -> new PermissionTokenGrantRequest(registration, permissionType),
				(principalName) -> "a Permission Access Token of type " + permissionType);
	}

	/**
	 * @param registration a registration
	 * @return whether it is of this grant's type
	 */
	public boolean serves(ClientRegistration registration) {
		return this.operation.getGrantType().equals(registration.getAuthorizationGrantType());
	}

}
