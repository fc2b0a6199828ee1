package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Tells a failed refresh whose refresh token must not be sent again: Cobo called it dead
 * ({@code invalid_grant}), or the refresh failed in a way that leaves open whether Cobo rotated it
 * (a timeout, a 5XX other than 503). Either way the token is obtained anew with the grant that needs no refresh
 * token.
 */
final class RefreshFailures {

	private RefreshFailures() {
	}

	static boolean calledForANewGrant(Throwable failure) {
		if (!(failure instanceof ClientAuthorizationException refused)) {
			return false;
		}
		if (OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
			return true;
		}
		// A refresh Cobo surely did not process (429, 503, no connection) left the refresh token as it
		// was: it is kept for the next attempt, and no new grant is asked for.
		return refused.getCause() instanceof CoboTokenException cobo && cobo.isTransient()
				&& !cobo.isSurelyUnprocessed();
	}

}
