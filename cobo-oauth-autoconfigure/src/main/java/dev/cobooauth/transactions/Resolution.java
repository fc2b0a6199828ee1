package dev.cobooauth.transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to do next with one create, on either stack: the decisions of exactly-once creation, without
 * I/O. A create whose outcome is unknown is looked up by its {@code request_id} at once; found, it is
 * the answer; not found while Cobo is known not to have processed the request, it is sent again with
 * the same {@code request_id} (at most {@value #MAX_RESENDS} times); otherwise it is looked up again
 * with a doubling backoff until the resolve timeout has passed since the outcome first became
 * unknown, and then it fails with {@link CoboOutcomeUnknownException}. Resending is safe because
 * Cobo creates at most one transaction per {@code request_id}. Not thread-safe: one per create.
 */
final class Resolution {

	static final int MAX_RESENDS = 3;

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	/** What to do next. */
	sealed interface Step {

		/** Answer this transaction. */
		record Done(CreatedTransaction transaction) implements Step {
		}

		/** Report this failure. */
		record Fail(RuntimeException failure) implements Step {
		}

		/** Send the same request (same body, same {@code request_id}) again. */
		record Resend() implements Step {
		}

		/** Look the transaction up by its {@code request_id} after this delay. */
		record LookUp(Duration delay) implements Step {
		}

	}

	private final String requestId;

	private final Clock clock;

	private final Duration timeout;

	private final CoboTransactionMetrics metrics;

	private @Nullable Instant deadline;

	private @Nullable Throwable lastCause;

	private boolean notProcessed;

	private int resends;

	private Duration backoff = FIRST_BACKOFF;

	Resolution(String requestId, Clock clock, Duration timeout, CoboTransactionMetrics metrics) {
		this.requestId = requestId;
		this.clock = clock;
		this.timeout = timeout;
		this.metrics = metrics;
	}

	/** @return the step after a sending of the request ended */
	Step afterAttempt(Attempt attempt) {
		boolean resolving = this.deadline != null;
		if (attempt instanceof Attempt.Created created) {
			if (resolving) {
				this.metrics.resolved(CoboTransactionMetrics.Outcome.RESENT);
			}
			return new Step.Done(created.transaction());
		}
		if (attempt instanceof Attempt.Refused refused) {
			if (resolving) {
				this.metrics.resolved(CoboTransactionMetrics.Outcome.REFUSED);
			}
			return new Step.Fail(refused.failure());
		}
		Attempt.Unknown unknown = (Attempt.Unknown) attempt;
		if (!resolving) {
			this.deadline = this.clock.instant().plus(this.timeout);
		}
		this.lastCause = unknown.cause();
		this.notProcessed = unknown.notProcessed();
		return new Step.LookUp(Duration.ZERO);
	}

	/**
	 * @param found the transaction the lookup found, {@code null} when it found none or failed
	 * @param failure why the lookup failed, {@code null} when it answered
	 * @return the step after a lookup by {@code request_id}
	 */
	Step afterLookup(@Nullable CoboTransaction found, @Nullable Throwable failure) {
		if (found != null) {
			this.metrics.resolved(CoboTransactionMetrics.Outcome.FOUND);
			return new Step.Done(CreatedTransaction.of(found, this.requestId));
		}
		if (failure == null && this.notProcessed && this.resends < MAX_RESENDS) {
			this.resends++;
			this.notProcessed = false;
			return new Step.Resend();
		}
		Duration remaining = Duration.between(this.clock.instant(), this.deadline);
		if (remaining.isNegative() || remaining.isZero()) {
			this.metrics.resolved(CoboTransactionMetrics.Outcome.UNKNOWN);
			CoboOutcomeUnknownException unknown = new CoboOutcomeUnknownException(this.requestId, this.timeout,
					this.lastCause);
			if (failure != null) {
				unknown.addSuppressed(failure);
			}
			return new Step.Fail(unknown);
		}
		Duration delay = (this.backoff.compareTo(remaining) < 0) ? this.backoff : remaining;
		this.backoff = this.backoff.multipliedBy(2);
		if (this.backoff.compareTo(MAX_BACKOFF) > 0) {
			this.backoff = MAX_BACKOFF;
		}
		return new Step.LookUp(delay);
	}

}
