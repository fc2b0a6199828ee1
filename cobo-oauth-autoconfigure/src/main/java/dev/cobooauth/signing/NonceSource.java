package dev.cobooauth.signing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues {@code BIZ-API-NONCE} values: Unix time in milliseconds, strictly increasing, so that two
 * requests signed in the same millisecond (or after the clock steps back) never share a nonce and
 * are never taken for a replay. Thread-safe without locking.
 */
final class NonceSource {

	private final Clock clock;

	private final AtomicLong last = new AtomicLong();

	/** A nonce source on the system clock. */
	public NonceSource() {
		this(Clock.systemUTC());
	}

	/**
	 * @param clock the clock the nonces follow; a fixed clock in tests
	 */
	public NonceSource(Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.clock = clock;
	}

	/**
	 * @return the clock's milliseconds, or one more than the previous nonce when that is not larger
	 */
	public long next() {
		long now = this.clock.millis();
		return this.last.updateAndGet((previous) -> Math.max(now, previous + 1));
	}

}
