package dev.cobooauth.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries this instance accepted lately, in memory. Each is kept until its timestamp leaves
 * the tolerance window (a replay after that is refused as stale anyway). The cache is bounded:
 * beyond its capacity the oldest are forgotten first, so memory stays flat under any load.
 * Thread-safe.
 */
final class InMemorySeenDeliveries implements SeenDeliveries {

	private final Map<String, Instant> seen = new LinkedHashMap<>();

	private final int capacity;

	private final Clock clock;

	/**
	 * @param capacity how many deliveries are remembered at most
	 * @param clock the clock that tells when a delivery may be forgotten
	 */
	InMemorySeenDeliveries(int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public synchronized boolean firstSighting(byte[] signedDigest, Instant forgetAt) {
		forgetExpired();
		String key = HexFormat.of().formatHex(signedDigest);
		if (this.seen.containsKey(key)) {
			return false;
		}
		this.seen.put(key, forgetAt);
		Iterator<String> oldest = this.seen.keySet().iterator();
		while (this.seen.size() > this.capacity) {
			oldest.next();
			oldest.remove();
		}
		return true;
	}

	private void forgetExpired() {
		Instant now = this.clock.instant();
		Iterator<Instant> oldest = this.seen.values().iterator();
		while (oldest.hasNext() && !oldest.next().isAfter(now)) {
			oldest.remove();
		}
	}

	/** @return how many deliveries are remembered now */
	synchronized int size() {
		return this.seen.size();
	}

}
