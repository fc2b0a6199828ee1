package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * A request for an organization's Org Access Token with the {@code org_implicit} grant.
 */
class OrgImplicitGrantRequest extends AbstractOAuth2AuthorizationGrantRequest {

	private final String orgId;

	/**
	 * @param clientRegistration the Portal App's registration (its client id and token URI)
	 * @param orgId the organization that installed the app
	 */
	public OrgImplicitGrantRequest(ClientRegistration clientRegistration, String orgId) {
		super(CoboAuthorizationGrantTypes.ORG_IMPLICIT, clientRegistration);
		if (orgId == null || orgId.isBlank()) {
			throw new IllegalArgumentException("orgId cannot be empty");
		}
		this.orgId = orgId;
	}

	/** @return the organization the token is for */
	public String getOrgId() {
		return this.orgId;
	}

}
