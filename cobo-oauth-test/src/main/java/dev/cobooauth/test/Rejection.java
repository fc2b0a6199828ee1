package dev.cobooauth.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Why the simulator refused a request, with the HTTP status and body shape it answers with.
 * <p>
 * Two shapes, as Cobo uses them: API errors are {@code {"error_code", "error_message", "error_id"}};
 * failed token grants (after the request signature was accepted) are OAuth's
 * {@code {"error", "error_description"}}. Every message says what was wrong and, where it helps, how
 * to fix it.
 * <p>
 * The {@code error_code}s are those of Cobo's error reference, with the statuses Cobo documents for
 * them: 401 when the API key, the signature or the timestamp is wrong, 404 for a resource that does
 * not exist, and 500 for an expired Org Access Token.
 */
public enum Rejection {

	/** {@code BIZ-API-KEY}, {@code BIZ-API-NONCE} or {@code BIZ-API-SIGNATURE} absent or blank: 401, 2022. */
	MISSING_HEADERS(401, 2022),

	/** {@code BIZ-API-KEY} is neither a registered app key nor a registered API key: 401, 2024. */
	UNKNOWN_API_KEY(401, 2024),

	/** The nonce is not a decimal millisecond timestamp within the nonce window of the wall clock: 401, 2023. */
	INVALID_NONCE(401, 2023),

	/** The signature does not verify over the request as the server reads it: 401, 2023. */
	BAD_SIGNATURE(401, 2023),

	/** The same API key and signature arrived before, within the nonce window: 401, 2023. */
	REPLAYED_REQUEST(401, 2023),

	/** An app-key call to a WaaS endpoint without {@code Authorization: Bearer <token>}: 401, 2022. */
	MISSING_TOKEN(401, 2022),

	/**
	 * The bearer token is unknown, rotated away, revoked, or was issued to another app: 401
	 * {@code invalid_token}, the bearer token error of RFC 6750. Not an {@code error_code}: Cobo's
	 * 2022 to 2025 describe the request or the key, never the token.
	 */
	INVALID_TOKEN(401, "invalid_token"),

	/** The Org Access Token has expired: HTTP 500, 1000, because that is what Cobo answers. */
	EXPIRED_TOKEN(500, 1000),

	/**
	 * A token endpoint called with the wrong kind of key, or a {@code client_id} other than the signer's:
	 * 401 {@code invalid_client}.
	 */
	INVALID_CLIENT(401, "invalid_client"),

	/**
	 * A token endpoint request without a required parameter, or with a body that is not a JSON object:
	 * 400 {@code invalid_request}.
	 */
	INVALID_REQUEST(400, "invalid_request"),

	/** A {@code grant_type} the endpoint does not serve: 400 {@code unsupported_grant_type}. */
	UNSUPPORTED_GRANT_TYPE(400, "unsupported_grant_type"),

	/** {@code org_implicit} for an org that has not installed the app: 400 {@code unauthorized_client}. */
	APP_NOT_INSTALLED(400, "unauthorized_client"),

	/** A refresh token that is unknown, already used, expired, or another caller's: 400 {@code invalid_grant}. */
	INVALID_GRANT(400, "invalid_grant"),

	/** A WaaS request without a required parameter, such as a transfer without {@code token_id}: 400, 2003. */
	MISSING_PARAMETER(400, 2003),

	/** A WaaS request with a malformed or out-of-range parameter: 400, 2006. */
	BAD_PARAMETER(400, 2006),

	/** No such endpoint, or no such wallet in the caller's org: 404, 2028 (Cobo's "resource not found"). */
	NOT_FOUND(404, 2028),

	/** A transfer whose {@code request_id} the org already used: 400, 12009. */
	DUPLICATE_REQUEST_ID(400, 12009),

	/** The simulator itself failed; the message names the exception: 500, 1000. */
	INTERNAL_ERROR(500, 1000);

	private final int httpStatus;

	private final int errorCode;

	private final String oauthError;

	Rejection(int httpStatus, int errorCode) {
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
		this.oauthError = null;
	}

	Rejection(int httpStatus, String oauthError) {
		this.httpStatus = httpStatus;
		this.errorCode = 0;
		this.oauthError = oauthError;
	}

	/** @return the HTTP status of the answer */
	public int httpStatus() {
		return this.httpStatus;
	}

	/** @return the {@code error_code} of the answer, or 0 when the answer has the OAuth shape */
	public int errorCode() {
		return this.errorCode;
	}

	/** @return the OAuth {@code error} of the answer, or {@code null} when it has the {@code error_code} shape */
	public String oauthError() {
		return this.oauthError;
	}

	RejectedRequest because(String message) {
		return new RejectedRequest(this, message);
	}

	SimulatorResponse toResponse(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (this.oauthError != null) {
			body.put("error", this.oauthError);
			body.put("error_description", message);
		}
		else {
			body.put("error_code", this.errorCode);
			body.put("error_message", message);
			body.put("error_id", UUID.randomUUID().toString().replace("-", ""));
		}
		return SimulatorResponse.json(this.httpStatus, body);
	}

}
