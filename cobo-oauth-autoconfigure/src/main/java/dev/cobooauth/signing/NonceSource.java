package dev.cobooauth.signing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Issues {@code BIZ-API-NONCE} values: Unix time in milliseconds, strictly increasing, so that two
 * requests signed in the same millisecond (or after the clock steps back) never share a nonce and
 * are never taken for a replay. Thread-safe without locking.
 * <p>
 * Sources that sign with the same key must not issue the same nonce either, or Cobo refuses the
 * second of two identical requests as a replay. So each source owns one of {@link #SLOTS} slots
 * and issues only nonces in it (a nonce modulo {@value #SLOTS} is its slot): two sources in
 * different slots never issue the same nonce, however many requests each signs at once. The sources
 * of one process take the slots in turn, so they never share one; a process starts at a slot drawn
 * at random, so two instances of an application share one with a chance of 1 in {@value #SLOTS},
 * and then a request Cobo refuses as a replay is signed afresh and sent once more. A nonce stays
 * within {@value #SLOTS} ms of the clock, and a burst of requests moves it ahead of the clock by at
 * most {@value #SLOTS} ms per request, which Cobo's window of minutes absorbs.
 */
final class NonceSource {

	/** How many slots the nonces are spread over. */
	static final int SLOTS = 16;

	/** The slot the next source of this process takes. */
	private static final AtomicInteger NEXT_SLOT = new AtomicInteger(RandomGenerator.getDefault().nextInt(SLOTS));

	private final Clock clock;

	private final int slot;

	private final AtomicLong last = new AtomicLong();

	/** A nonce source on the system clock, in the next slot of this process. */
	public NonceSource() {
		this(Clock.systemUTC(), Math.floorMod(NEXT_SLOT.getAndIncrement(), SLOTS));
	}

	/**
	 * @param clock the clock the nonces follow; a fixed clock in tests
	 */
	public NonceSource(Clock clock) {
		this(clock, 0);
	}

	/**
	 * @param clock the clock the nonces follow
	 * @param slot the slot, from 0 to {@value #SLOTS} - 1
	 */
	NonceSource(Clock clock, int slot) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (slot < 0 || slot >= SLOTS) {
			throw new IllegalArgumentException("slot must be between 0 and " + (SLOTS - 1) + ", was " + slot);
		}
		this.clock = clock;
		this.slot = slot;
	}

	/**
	 * @return the first millisecond of this source's slot from the clock's on, or from one past the
	 * previous nonce when that is later
	 */
	public long next() {
		long now = this.clock.millis();
		return this.last.updateAndGet((previous) -> inSlot(Math.max(now, previous + 1)));
	}

	/** @return this source's slot */
	int slot() {
		return this.slot;
	}

	private long inSlot(long millis) {
		return millis + Math.floorMod(this.slot - millis, SLOTS);
	}

}
