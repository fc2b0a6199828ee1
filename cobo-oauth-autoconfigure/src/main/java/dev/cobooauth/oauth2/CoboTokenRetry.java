package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * When a failed token request is tried again, and after how long. Only transient failures
 * ({@link CoboTokenException#isTransient()}) are retried, never an OAuth error such as
 * {@code invalid_grant}; and a request that spends a refresh token is retried only when Cobo surely
 * did not process it (429, 503, or no connection), because a rotated refresh token must never be
 * sent twice. The delay grows exponentially from the initial backoff up to the maximum, with
 * jitter (a random 50 to 100 percent of it); a {@code Retry-After} from Cobo replaces it, up to
 * {@link #MAX_RETRY_AFTER} (an unsigned one, a proxy's, was already cut to the maximum backoff).
 */
final class CoboTokenRetry {

	/** The longest {@code Retry-After} honoured; a longer one is cut to this. */
	public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	/**
	 * @param maxAttempts how many times a request is sent at most, the first one included
	 * @param initialBackoff the delay before the first retry
	 * @param maxBackoff the longest delay between two attempts
	 */
	public CoboTokenRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null
				|| maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("backoffs must be zero or positive, the maximum not below the initial");
		}
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	/**
	 * @param failure why the attempt failed
	 * @param attempt the number of the attempt that failed, from 1
	 * @return how long to wait before the next attempt, or {@code null} to give up
	 */
	public @Nullable Duration delayAfter(CoboTokenException failure, int attempt) {
		if (attempt >= this.maxAttempts || !failure.isTransient()) {
			return null;
		}
		if (failure.getOperation().isRefresh() && !failure.isSurelyUnprocessed()) {
			return null;
		}
		if (failure.getRetryAfter() != null) {
			return (failure.getRetryAfter().compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : failure.getRetryAfter();
		}
		return jittered(backoff(attempt));
	}

	private Duration backoff(int attempt) {
		long millis = this.initialBackoff.toMillis() << Math.min(attempt - 1, 20);
		return Duration.ofMillis(Math.min(millis, this.maxBackoff.toMillis()));
	}

	private static Duration jittered(Duration delay) {
		long millis = delay.toMillis();
		return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	/** @return the longest delay between two attempts, and the longest unsigned {@code Retry-After} honoured */
	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	/** @return how many times a request is sent at most */
	public int getMaxAttempts() {
		return this.maxAttempts;
	}

}
