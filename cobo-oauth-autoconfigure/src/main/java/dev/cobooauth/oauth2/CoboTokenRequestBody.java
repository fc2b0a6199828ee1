package dev.cobooauth.oauth2;

import tools.jackson.databind.json.JsonMapper;

/**
 * Serializes the JSON body of a token request once, so the bytes signed are the bytes sent.
 */
final class CoboTokenRequestBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CoboTokenRequestBody() {
	}

	static byte[] of(CoboTokenRequest request) {
		return JSON.writeValueAsBytes(request.jsonBody());
	}

}
