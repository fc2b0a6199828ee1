package dev.cobooauth.signing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Issues {@code BIZ-API-NONCE} values: Unix time in milliseconds, strictly increasing, so that two
 * requests signed in the same millisecond (or after the clock steps back) never share a nonce and
 * are never taken for a replay. Thread-safe without locking.
 * <p>
 * Instances that share a key must not send the same nonce with the same request either, or Cobo
 * refuses the second as a replay. So each source runs behind the clock by an offset of its own,
 * drawn once from up to {@link #MAX_OFFSET_MILLIS} ms: two instances signing the same request at
 * the same moment give it nonces that differ by the difference of their offsets, without any
 * configuration, and a nonce stays a millisecond timestamp well within Cobo's window.
 */
final class NonceSource {

	/** The largest offset, in milliseconds, by which a source runs behind the clock. */
	static final long MAX_OFFSET_MILLIS = 1000;

	private final Clock clock;

	private final long offsetMillis;

	private final AtomicLong last = new AtomicLong();

	/** A nonce source on the system clock, with a random offset. */
	public NonceSource() {
		this(Clock.systemUTC(), RandomGenerator.getDefault());
	}

	/**
	 * @param clock the clock the nonces follow; a fixed clock in tests
	 */
	public NonceSource(Clock clock) {
		this(clock, 0);
	}

	/**
	 * @param clock the clock the nonces follow
	 * @param random where this source's offset is drawn from
	 */
	NonceSource(Clock clock, RandomGenerator random) {
		this(clock, random.nextLong(MAX_OFFSET_MILLIS));
	}

	private NonceSource(Clock clock, long offsetMillis) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.clock = clock;
		this.offsetMillis = offsetMillis;
	}

	/**
	 * @return the clock's milliseconds less this source's offset, or one more than the previous
	 * nonce when that is not larger
	 */
	public long next() {
		long now = this.clock.millis() - this.offsetMillis;
		return this.last.updateAndGet((previous) -> Math.max(now, previous + 1));
	}

}
