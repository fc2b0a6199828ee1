package dev.cobooauth.oauth2;

import org.springframework.http.HttpMethod;

/**
 * Thrown before a request is sent when it names no organization and no default org is set: the
 * starter never guesses whose token to use.
 */
public class MissingCoboOrgException extends IllegalStateException {

	/**
	 * @param method the request's method
	 * @param path the request's path
	 */
	public MissingCoboOrgException(HttpMethod method, String path) {
		super("No Cobo organization for " + method + " " + path
				+ ": name one with .attributes(CoboOrg.id(orgId)) (or an @CoboOrgId parameter), "
				+ "or set cobo.app.default-org");
	}

}
