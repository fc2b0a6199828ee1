package dev.cobooauth.oauth2;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A token operation that Cobo refused or answered in a way that yields no token. Its
 * {@link #getError() OAuth2Error} is what Spring Security acts on ({@code invalid_grant} for a dead
 * refresh token); {@link #getCoboError()} keeps everything Cobo said, when it said anything.
 */
public class CoboTokenException extends OAuth2AuthorizationException {

	private final CoboTokenOperation operation;

	private final @Nullable CoboErrorResponse coboError;

	private final @Nullable Duration retryAfter;

	/**
	 * @param operation the operation that failed
	 * @param error the error as Spring Security sees it
	 * @param coboError Cobo's answer; {@code null} when there was none (I/O error, unreadable body)
	 * @param cause the underlying failure, or {@code null}
	 */
	public CoboTokenException(CoboTokenOperation operation, OAuth2Error error, @Nullable CoboErrorResponse coboError,
			@Nullable Throwable cause) {
		this(operation, error, coboError, null, cause);
	}

	/**
	 * @param operation the operation that failed
	 * @param error the error as Spring Security sees it
	 * @param coboError Cobo's answer; {@code null} when there was none (I/O error, unreadable body)
	 * @param retryAfter how long Cobo asked to wait ({@code Retry-After}), or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public CoboTokenException(CoboTokenOperation operation, OAuth2Error error, @Nullable CoboErrorResponse coboError,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(error, operation.getTitle() + " failed: " + error.getDescription(), cause);
		this.operation = operation;
		this.coboError = coboError;
		this.retryAfter = retryAfter;
	}

	/** @return the operation that failed */
	public CoboTokenOperation getOperation() {
		return this.operation;
	}

	/** @return Cobo's answer, or {@code null} when there was none */
	public @Nullable CoboErrorResponse getCoboError() {
		return this.coboError;
	}

	/** @return how long Cobo asked to wait before trying again, or {@code null} */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * @return whether Cobo certainly did not act on the request: it was rate limited (429), refused
	 * as unavailable (503), or never reached Cobo (no connection)
	 */
	public boolean isSurelyUnprocessed() {
		if (this.coboError != null) {
			int status = this.coboError.httpStatus();
			return status == 429 || status == 503;
		}
		for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return whether trying again later may succeed: I/O errors, timeouts, rate limits and
	 * server-side failures; never an OAuth error such as {@code invalid_grant}
	 */
	public boolean isTransient() {
		return CoboTokenErrors.TEMPORARILY_UNAVAILABLE.equals(getError().getErrorCode());
	}

}
