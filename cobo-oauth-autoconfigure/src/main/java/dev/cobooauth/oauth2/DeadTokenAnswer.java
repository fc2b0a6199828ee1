package dev.cobooauth.oauth2;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Recognises Cobo's answers to a call whose Org Access Token is dead: 401, or 500 with
 * {@code error_code} 1000, which is what Cobo answers to an expired token. A 401 whose
 * {@code error_code} names a problem of the request's signature, key, headers or permissions
 * (2022, 2023, 2024, 2025, 4001) says nothing of the token, which stays alive. Also says which
 * requests may be sent again after such an answer: only safe methods, never a POST.
 */
final class DeadTokenAnswer {

	/** Cobo's error code for an internal error, also given to an expired Org Access Token. */
	public static final int EXPIRED_TOKEN_ERROR_CODE = 1000;

	/** Signature, key, header and permission errors: the request was refused, not its token. */
	private static final Set<Integer> NOT_TOKEN_ERROR_CODES = Set.of(2022, 2023, 2024, 2025, 4001);

	private static final Set<HttpMethod> REPLAYABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

	private DeadTokenAnswer() {
	}

	/**
	 * @param status an answer's status
	 * @return whether its body must be read to decide ({@link #isDeadToken})
	 */
	public static boolean needsBody(int status) {
		return status == 500 || status == 401;
	}

	/**
	 * @param status an answer's status
	 * @param body its body, or {@code null} when not read
	 * @return whether the answer says the token is dead
	 */
	public static boolean isDeadToken(int status, byte @Nullable [] body) {
		if (status == 401) {
			return body == null || !NOT_TOKEN_ERROR_CODES.contains(errorCodeOf(body));
		}
		return status == 500 && body != null && errorCodeOf(body) == EXPIRED_TOKEN_ERROR_CODE;
	}

	/**
	 * @param method a request's method
	 * @return whether the request may be sent again with a new token
	 */
	public static boolean isReplayable(HttpMethod method) {
		return REPLAYABLE.contains(method);
	}

	/**
	 * @param orgId the org whose token Cobo rejected
	 * @param status Cobo's answer
	 * @param method the rejected request's method
	 * @param replayed whether the request is sent again
	 * @return a log line saying what happens next, without the token
	 */
	public static String describe(String orgId, int status, HttpMethod method, boolean replayed) {
		return "Cobo answered HTTP " + status + " to the Org Access Token of org " + orgId + "; it is marked dead, its refresh token kept"
				+ (replayed ? " and the " + method + " sent once more with a new one" : ", the " + method + " is not sent again");
	}

	private static int errorCodeOf(byte[] body) {
		Integer code = CoboErrorResponse.read(0, body).errorCode();
		return (code != null) ? code : -1;
	}

}
