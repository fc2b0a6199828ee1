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
 * second of two identical requests as a replay. So a source issues only nonces in one of
 * {@value #SLOTS} slots at a time (a nonce modulo {@value #SLOTS} is its slot): two sources in
 * different slots never issue the same nonce, however many requests each signs at once. The slot is
 * the one {@link NonceSlots} says this instance holds (a lease no other live instance holds), asked
 * for every nonce; while it holds none, the source's own: the sources of one process take those in
 * turn, so they never share one, from a slot drawn at random, so two instances without leases share
 * one with a chance of 1 in {@value #SLOTS}, and then a request Cobo refuses as a replay is signed
 * afresh and sent once more. A nonce stays within {@value #SLOTS} ms of the clock, and a burst of
 * requests moves it ahead of the clock by at most {@value #SLOTS} ms per request, which Cobo's
 * window of minutes absorbs.
 */
final class NonceSource {

	/** How many slots the nonces are spread over. */
	static final int SLOTS = NonceSlots.COUNT;

	/** The slot the next source of this process takes. */
	private static final AtomicInteger NEXT_SLOT = new AtomicInteger(RandomGenerator.getDefault().nextInt(SLOTS));

	private final Clock clock;

	private final NonceSlots slots;

	private final int ownSlot;

	private final AtomicLong last = new AtomicLong();

	/** A nonce source on the system clock, in the next slot of this process. */
	public NonceSource() {
		this(NonceSlots.RANDOM);
	}

	/**
	 * @param slots the slot this instance holds, asked for every nonce; while it holds none, the next
	 * slot of this process
	 */
	NonceSource(NonceSlots slots) {
		this(Clock.systemUTC(), slots, Math.floorMod(NEXT_SLOT.getAndIncrement(), SLOTS));
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
		this(clock, NonceSlots.RANDOM, slot);
	}

	/**
	 * @param clock the clock the nonces follow
	 * @param slots the slot this instance holds, asked for every nonce
	 * @param ownSlot the slot while it holds none, from 0 to {@value #SLOTS} - 1
	 */
	NonceSource(Clock clock, NonceSlots slots, int ownSlot) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (slots == null) {
			throw new IllegalArgumentException("slots cannot be null");
		}
		if (ownSlot < 0 || ownSlot >= SLOTS) {
			throw new IllegalArgumentException("slot must be between 0 and " + (SLOTS - 1) + ", was " + ownSlot);
		}
		this.clock = clock;
		this.slots = slots;
		this.ownSlot = ownSlot;
	}

	/**
	 * @return the first millisecond of the current slot from the clock's on, or from one past the
	 * previous nonce when that is later
	 */
	public long next() {
		long now = this.clock.millis();
		int slot = slot();
		return this.last.updateAndGet((previous) -> inSlot(Math.max(now, previous + 1), slot));
	}

	/** @return the slot the next nonce is in: the one held, or this source's own */
	int slot() {
		int held = this.slots.current();
		return (held >= 0 && held < SLOTS) ? held : this.ownSlot;
	}

	private static long inSlot(long millis, int slot) {
		return millis + Math.floorMod(slot - millis, SLOTS);
	}

}
