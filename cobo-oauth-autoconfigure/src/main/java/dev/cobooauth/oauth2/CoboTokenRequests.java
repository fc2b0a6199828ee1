package dev.cobooauth.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What each grant request sends to Cobo, exactly as Cobo's OAuth API describes it.
 * <p>
 * Each request is a function of its grant request alone, so every URI comes from the client
 * registration. Permission Access Tokens use two endpoints: the registration's token URI is the
 * exchange, and its provider configuration metadata names the refresh under
 * {@value #PERMISSION_TOKEN_REFRESH_URI}. A registration pointed at a proxy or a simulator thus
 * moves both, and no URI is guessed by rewriting another.
 */
final class CoboTokenRequests {

	/**
	 * Key, in a permission token registration's provider configuration metadata, of the Refresh
	 * Permission Access Token URI.
	 */
	public static final String PERMISSION_TOKEN_REFRESH_URI = "permission_token_refresh_uri";

	private CoboTokenRequests() {
	}

	/**
	 * @param request a request for an org's token
	 * @return {@code GET /oauth/token?client_id=..&org_id=..&grant_type=org_implicit}
	 */
	public static CoboTokenRequest orgImplicit(OrgImplicitGrantRequest request) {
		ClientRegistration registration = request.getClientRegistration();
		String uri = UriComponentsBuilder.fromUriString(registration.getProviderDetails().getTokenUri())
			.queryParam("client_id", "{clientId}")
			.queryParam("org_id", "{orgId}")
			.queryParam("grant_type", "org_implicit")
			.buildAndExpand(registration.getClientId(), request.getOrgId())
			.encode()
			.toUriString();
		return new CoboTokenRequest(CoboTokenOperation.GET_ORG_ACCESS_TOKEN, HttpMethod.GET, uri, null, null);
	}

	/**
	 * @param request a request to refresh an org's token
	 * @return {@code POST /oauth/token} with {@code {client_id, grant_type, refresh_token}}
	 */
	public static CoboTokenRequest refreshOrgToken(OAuth2RefreshTokenGrantRequest request) {
		ClientRegistration registration = request.getClientRegistration();
		String refreshToken = request.getRefreshToken().getTokenValue();
		Map<String, String> body = new LinkedHashMap<>();
		body.put("client_id", registration.getClientId());
		body.put("grant_type", "refresh_token");
		body.put("refresh_token", refreshToken);
		return new CoboTokenRequest(CoboTokenOperation.REFRESH_ORG_ACCESS_TOKEN, HttpMethod.POST,
				registration.getProviderDetails().getTokenUri(), body, refreshToken);
	}

	/**
	 * @param request a request for a Permission Access Token
	 * @return {@code POST /oauth/permission_token/exchange} with {@code {permission_type}}
	 */
	public static CoboTokenRequest permissionExchange(PermissionTokenGrantRequest request) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("permission_type", request.getPermissionType());
		return new CoboTokenRequest(CoboTokenOperation.EXCHANGE_PERMISSION_TOKEN, HttpMethod.POST,
				request.getClientRegistration().getProviderDetails().getTokenUri(), body, null);
	}

	/**
	 * @param request a request to refresh the Permission Access Token
	 * @return {@code POST /oauth/permission_token/refresh} with {@code {refresh_token}}, to the URI
	 * the registration names under {@value #PERMISSION_TOKEN_REFRESH_URI}
	 * @throws IllegalArgumentException if the registration names no refresh URI
	 */
	public static CoboTokenRequest refreshPermissionToken(OAuth2RefreshTokenGrantRequest request) {
		ClientRegistration registration = request.getClientRegistration();
		Object uri = registration.getProviderDetails().getConfigurationMetadata().get(PERMISSION_TOKEN_REFRESH_URI);
		if (!(uri instanceof String refreshUri) || refreshUri.isBlank()) {
			throw new IllegalArgumentException("Registration '" + registration.getRegistrationId()
					+ "' names no '" + PERMISSION_TOKEN_REFRESH_URI + "' in its provider configuration metadata");
		}
		String refreshToken = request.getRefreshToken().getTokenValue();
		Map<String, String> body = new LinkedHashMap<>();
		body.put("refresh_token", refreshToken);
		return new CoboTokenRequest(CoboTokenOperation.REFRESH_PERMISSION_TOKEN, HttpMethod.POST, refreshUri, body,
				refreshToken);
	}

}
