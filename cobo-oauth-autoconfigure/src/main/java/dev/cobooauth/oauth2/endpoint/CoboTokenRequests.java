package dev.cobooauth.oauth2.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What each grant request sends to Cobo, exactly as Cobo's OAuth API describes it.
 */
public final class CoboTokenRequests {

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

}
