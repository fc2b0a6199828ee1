package dev.cobooauth.oauth2;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fetches the tokens of known organizations ({@code cobo.app.orgs}) at startup, so the first calls
 * do not wait for Cobo. A failure is logged and the application starts anyway, unless fail-fast is
 * on: then it stops with the org and Cobo's answer.
 */
public final class OrgTokenWarmUp implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(OrgTokenWarmUp.class);

	private final CoboOrgAccessTokens tokens;

	private final List<String> orgs;

	private final boolean failFast;

	/**
	 * @param tokens hands out the tokens
	 * @param orgs the organizations to warm up
	 * @param failFast whether a failure stops the application
	 */
	public OrgTokenWarmUp(CoboOrgAccessTokens tokens, List<String> orgs, boolean failFast) {
		if (tokens == null || orgs == null) {
			throw new IllegalArgumentException("tokens and orgs cannot be null");
		}
		this.tokens = tokens;
		this.orgs = List.copyOf(orgs);
		this.failFast = failFast;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String org : this.orgs) {
			try {
				this.tokens.authorize(org);
			}
			catch (RuntimeException ex) {
				if (this.failFast) {
					throw new IllegalStateException("cobo.app.fail-fast is on and the Org Access Token of org " + org
							+ " could not be obtained at startup: " + ex.getMessage(), ex);
				}
				logger.warn("Could not obtain the Org Access Token of org " + org + " at startup; calls will try "
						+ "again: " + ex.getMessage());
			}
		}
	}

}
