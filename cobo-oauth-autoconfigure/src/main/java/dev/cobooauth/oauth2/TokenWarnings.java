package dev.cobooauth.oauth2;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The token failures an operator must see, each logged once at WARN where it is decided: Cobo
 * refused a token, a token request failed after its retries, a refresh token was refused and
 * replaced by a new grant. Each line names the org (or the API key's token), what Cobo answered and
 * what happens next; never a token. Tokens obtained and refreshed stay at DEBUG.
 */
final class TokenWarnings {

	private static final Log logger = LogFactory.getLog(TokenWarnings.class);

	private TokenWarnings() {
	}

	/**
	 * A request for a token that needs no refresh token failed for good.
	 * @param tokenName the token, e.g. "an Org Access Token for org o-1"
	 * @param failure why, after the retries the failure allowed
	 */
	static void initialGrantFailed(String tokenName, OAuth2AuthorizationException failure) {
		OAuth2Error error = failure.getError();
		if (isTransient(failure)) {
			logger.warn("Could not get " + tokenName + " after its retries: " + error.getDescription()
					+ "; calls that need it fail with " + error.getErrorCode() + ", and the next one asks Cobo again");
			return;
		}
		logger.warn(((failure instanceof CoboTokenException cobo && cobo.getCoboError() != null) ? "Cobo refused "
				: "Could not get ") + tokenName + ": " + error.getDescription() + "; calls that need it fail with "
				+ error.getErrorCode() + ", and the next one asks Cobo again");
	}

	/**
	 * A refresh failed in a way that spends its refresh token, so the token is obtained anew.
	 * @param principalName the org, or the API key's public key
	 * @param failure Cobo's refusal, or the failure that leaves open whether Cobo rotated it
	 * @param grantType the grant that obtains the new token
	 */
	static void refreshReplaced(String principalName, OAuth2AuthorizationException failure, String grantType) {
		OAuth2Error error = failure.getError();
		String what = isTransient(failure) ? "The refresh of the token of '" + principalName
				+ "' failed without telling whether Cobo rotated its refresh token"
				: "Cobo refused the refresh token of '" + principalName + "'";
		logger.warn(what + " (" + error.getErrorCode() + ": " + error.getDescription() + "); obtaining a new token with "
				+ grantType + ", the refresh token is never sent again");
	}

	/**
	 * A refresh failed and no new grant follows.
	 * @param principalName the org, or the API key's public key
	 * @param failure why
	 */
	static void refreshFailed(String principalName, OAuth2AuthorizationException failure) {
		OAuth2Error error = failure.getError();
		logger.warn("The refresh of the token of '" + principalName + "' failed (" + error.getErrorCode() + ": "
				+ error.getDescription() + "); calls that need it fail, and the next one asks Cobo again");
	}

	private static boolean isTransient(OAuth2AuthorizationException failure) {
		Throwable cause = (failure instanceof CoboTokenException) ? failure : failure.getCause();
		return cause instanceof CoboTokenException cobo && cobo.isTransient();
	}

}
