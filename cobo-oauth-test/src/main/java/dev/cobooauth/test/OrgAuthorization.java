package dev.cobooauth.test;

/**
 * Finds the org a WaaS request acts for: an API key acts for its own org; an app key acts for the org
 * of the Org Access Token it carries as {@code Authorization: Bearer}, which must be live and issued
 * to that same app.
 */
final class OrgAuthorization {

	private static final String BEARER = "Bearer ";

	private final TokenLedger orgTokens;

	OrgAuthorization(TokenLedger orgTokens) {
		this.orgTokens = orgTokens;
	}

	/**
	 * @return the org id
	 * @throws RejectedRequest when an app key call carries no usable Org Access Token
	 */
	String orgOf(SimulatorRequest request, Caller caller) {
		if (caller instanceof Caller.ApiKey apiKey) {
			return apiKey.orgId();
		}
		String clientId = ((Caller.App) caller).clientId();
		String token = bearerToken(request.header("Authorization"));
		TokenLedger.TokenPair pair = this.orgTokens.findByAccessToken(token);
		if (pair == null) {
			throw Rejection.INVALID_TOKEN.because("The bearer token is not a live Org Access Token: it is unknown, "
					+ "was replaced by a refresh, or was revoked when the app was uninstalled");
		}
		if (!pair.owner().equals(clientId)) {
			throw Rejection.INVALID_TOKEN
				.because("The bearer token was issued to another app, not to client '" + clientId + "'");
		}
		if (this.orgTokens.isExpired(pair)) {
			throw Rejection.EXPIRED_TOKEN.because("Internal error: the Org Access Token expired at "
					+ pair.accessExpiresAt() + " (Cobo answers an expired token with HTTP 500 and error_code 1000, "
					+ "so a client must track expires_in itself)");
		}
		return pair.orgId();
	}

	private static String bearerToken(String authorization) {
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				&& !authorization.substring(BEARER.length()).isBlank();
		if (!bearer) {
			throw Rejection.MISSING_TOKEN.because("Missing header Authorization: Bearer <Org Access Token>; "
					+ "a call signed with an app key must carry the Org Access Token of the org it acts for");
		}
		return authorization.substring(BEARER.length()).strip();
	}

}
