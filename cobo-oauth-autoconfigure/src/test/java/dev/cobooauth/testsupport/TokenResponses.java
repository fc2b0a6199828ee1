package dev.cobooauth.testsupport;

import mockwebserver3.MockResponse;

/**
 * Signed token endpoint answers, as Cobo gives them.
 */
public final class TokenResponses {

	private TokenResponses() {
	}

	/**
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 * @return a signed 200 answer with a 12-hour token
	 */
	public static MockResponse orgToken(String accessToken, String refreshToken) {
		return SignedResponses.signed(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
				+ "\"scope\":\"\",\"expires_in\":43199,\"refresh_token\":\"" + refreshToken + "\"}");
	}

	/**
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 * @return a signed 201 answer with a one-hour Permission Access Token, as the exchange and the
	 * refresh give it
	 */
	public static MockResponse permissionToken(String accessToken, String refreshToken) {
		return SignedResponses.signed(201, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
				+ "\"expires_in\":3600,\"refresh_token\":\"" + refreshToken + "\"}");
	}

	/**
	 * @param description the error description
	 * @return a signed 400 {@code invalid_grant}
	 */
	public static MockResponse invalidGrant(String description) {
		return SignedResponses.signed(400,
				"{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}");
	}

}
