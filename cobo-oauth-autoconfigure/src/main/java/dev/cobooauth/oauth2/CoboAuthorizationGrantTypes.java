package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The grant types Cobo adds to OAuth 2.0.
 */
final class CoboAuthorizationGrantTypes {

	/**
	 * A Portal App obtains an organization's Org Access Token with its client id and the org id,
	 * authenticated by its signature alone.
	 */
	public static final AuthorizationGrantType ORG_IMPLICIT = new AuthorizationGrantType("org_implicit");

	/**
	 * An organization's backend exchanges its API key signature for a Permission Access Token.
	 */
	public static final AuthorizationGrantType PERMISSION_TOKEN = new AuthorizationGrantType("cobo_permission_token");

	private CoboAuthorizationGrantTypes() {
	}

}
