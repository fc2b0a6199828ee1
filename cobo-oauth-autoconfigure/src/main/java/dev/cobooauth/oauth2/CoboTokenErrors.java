package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Turns a failed answer of a token endpoint into a {@link CoboTokenException} whose OAuth error
 * code Spring Security can act on.
 * <ul>
 * <li>An OAuth error body keeps its code, except that a refresh refused as {@code invalid_token},
 * {@code invalid_request} or {@code expired_token} becomes {@code invalid_grant}: the refresh
 * token is dead, whatever the status.</li>
 * <li>A request Cobo could not authenticate ({@code error_code} 2022, 2023, 2024) is
 * {@code invalid_client}: a key or client id problem no retry can fix.</li>
 * <li>Rate limits (429, {@code error_code} 2010, 2026) and server failures (5XX) are
 * {@value #TEMPORARILY_UNAVAILABLE}: worth trying again later.</li>
 * <li>An unsigned answer with a status a proxy produces (414, 429, 502, 503) is read by its status
 * alone, its body ignored: 429, 502 and 503 are {@value #TEMPORARILY_UNAVAILABLE} whatever OAuth
 * error the body claims, 414 is {@code server_error}, and its {@code Retry-After} counts only up to
 * the retry's maximum backoff.</li>
 * <li>Any other 4XX to a refresh is {@code invalid_grant}, since the refresh token is all a refresh
 * sends that can be wrong; to a token request it is {@code access_denied} (e.g. an org that has
 * not installed the app).</li>
 * </ul>
 */
final class CoboTokenErrors {

	/** The OAuth error code for failures worth trying again. */
	public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

	/** The OAuth error code for an answer that holds no usable token. */
	public static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private static final Set<String> DEAD_REFRESH_TOKEN_ERRORS = Set.of(OAuth2ErrorCodes.INVALID_GRANT,
			OAuth2ErrorCodes.INVALID_TOKEN, OAuth2ErrorCodes.INVALID_REQUEST, "expired_token");

	private static final Set<Integer> AUTHENTICATION_ERROR_CODES = Set.of(2022, 2023, 2024);

	private static final Set<Integer> RATE_LIMIT_ERROR_CODES = Set.of(2010, 2026);

	private static final Set<Integer> PROXY_STATUSES = Set.of(414, 429, 502, 503);

	private CoboTokenErrors() {
	}

	/**
	 * @param status an answer's status
	 * @return whether a proxy in front of Cobo produces it, so that it may come unsigned
	 */
	public static boolean isProxyStatus(int status) {
		return PROXY_STATUSES.contains(status);
	}

	/**
	 * @param operation the operation that failed
	 * @param status the HTTP status, one of {@link #isProxyStatus proxy statuses}
	 * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
	 * @param clock what a {@code Retry-After} date is measured from
	 * @param retryAfterBound the longest wait honoured
	 * @return the exception to throw, decided by the status alone
	 */
	public static CoboTokenException fromUnsignedAnswer(CoboTokenOperation operation, int status,
			@Nullable String retryAfter, Clock clock, Duration retryAfterBound) {
		CoboErrorResponse answer = CoboErrorResponse.of(status, Map.of());
		String code = (status == 414) ? OAuth2ErrorCodes.SERVER_ERROR : TEMPORARILY_UNAVAILABLE;
		Duration wait = RetryAfter.parse(retryAfter, clock);
		if (wait != null && wait.compareTo(retryAfterBound) > 0) {
			wait = retryAfterBound;
		}
		return new CoboTokenException(operation,
				new OAuth2Error(code, "Cobo's proxy answered " + answer.summary() + " (unsigned; its body was not read)",
						null),
				answer, wait, null);
	}

	/**
	 * @param operation the operation that failed
	 * @param status the HTTP status
	 * @param body the parsed JSON body, or {@code null} when it was not a JSON object
	 * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
	 * @param clock what a {@code Retry-After} date is measured from
	 * @return the exception to throw
	 */
	public static CoboTokenException fromAnswer(CoboTokenOperation operation, int status,
			@Nullable Map<String, Object> body, @Nullable String retryAfter, Clock clock) {
		CoboErrorResponse answer = CoboErrorResponse.of(status, (body != null) ? body : Map.of());
		String code = codeFor(operation, answer);
		return new CoboTokenException(operation, new OAuth2Error(code, "Cobo answered " + answer.summary(), null),
				answer, RetryAfter.parse(retryAfter, clock), null);
	}

	/**
	 * @param operation the operation that failed
	 * @param problem what is wrong with the answer
	 * @param cause the underlying failure, or {@code null}
	 * @return the exception for an answer that holds no usable token
	 */
	public static CoboTokenException invalidResponse(CoboTokenOperation operation, String problem,
			@Nullable Throwable cause) {
		return new CoboTokenException(operation, new OAuth2Error(INVALID_TOKEN_RESPONSE, problem, null), null, cause);
	}

	/**
	 * @param operation the operation that failed
	 * @param cause the I/O failure or timeout
	 * @return the exception for a call that got no answer
	 */
	public static CoboTokenException unreachable(CoboTokenOperation operation, Throwable cause) {
		String description = "no answer from Cobo (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
		return new CoboTokenException(operation, new OAuth2Error(TEMPORARILY_UNAVAILABLE, description, null), null,
				cause);
	}

	private static String codeFor(CoboTokenOperation operation, CoboErrorResponse answer) {
		String error = (answer.error() != null && !answer.error().isBlank()) ? answer.error().strip() : null;
		if (error != null && operation.isRefresh() && DEAD_REFRESH_TOKEN_ERRORS.contains(error)) {
			return OAuth2ErrorCodes.INVALID_GRANT;
		}
		if (answer.errorCode() != null && AUTHENTICATION_ERROR_CODES.contains(answer.errorCode())) {
			return OAuth2ErrorCodes.INVALID_CLIENT;
		}
		// A rate limit or a failure on Cobo's side says nothing of the request, whatever OAuth error
		// came with it: worth trying again, and a refresh token's fate is unknown.
		if (isTransient(answer)) {
			return TEMPORARILY_UNAVAILABLE;
		}
		if (error != null) {
			return error;
		}
		if (answer.httpStatus() >= 400 && answer.httpStatus() < 500) {
			return operation.isRefresh() ? OAuth2ErrorCodes.INVALID_GRANT : OAuth2ErrorCodes.ACCESS_DENIED;
		}
		return OAuth2ErrorCodes.SERVER_ERROR;
	}

	private static boolean isTransient(CoboErrorResponse answer) {
		return answer.httpStatus() == 429 || answer.httpStatus() >= 500
				|| (answer.errorCode() != null && RATE_LIMIT_ERROR_CODES.contains(answer.errorCode()));
	}

}
