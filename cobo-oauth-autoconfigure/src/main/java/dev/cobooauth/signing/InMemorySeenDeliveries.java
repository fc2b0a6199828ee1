package dev.cobooauth.signing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The deliveries this instance accepted lately, in memory. Each is kept until it could no longer pass
 * the age check (its {@code forgetAt}), and never forgotten before: a replay inside the window is
 * always refused. The memory is bounded: when it holds its capacity of deliveries still inside the
 * window, a new delivery is not accepted (503, for Cobo to send it again later) and a warning names
 * {@code cobo.webhook.replay-cache-size}, so memory stays flat under any load and nothing is
 * forgotten early. Thread-safe.
 */
final class InMemorySeenDeliveries implements SeenDeliveries {

	private static final Log logger = LogFactory.getLog(InMemorySeenDeliveries.class);

	private final Map<String, Instant> seen = new HashMap<>();

	/** The same deliveries, soonest forgotten first. */
	private final PriorityQueue<Remembered> byForgetAt = new PriorityQueue<>();

	private final int capacity;

	/**
	 * @param capacity how many deliveries are remembered at most
	 */
	InMemorySeenDeliveries(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.capacity = capacity;
	}

	@Override
	public synchronized boolean firstSighting(byte[] signedDigest, Instant forgetAt, Instant now) {
		forgetExpired(now);
		String key = HexFormat.of().formatHex(signedDigest);
		if (this.seen.containsKey(key)) {
			return false;
		}
		if (this.seen.size() >= this.capacity) {
			logger.warn("Refused a Cobo delivery with 503, for Cobo to send it again: the " + this.capacity
					+ " deliveries remembered to refuse their replay are all still inside the tolerance window, "
					+ "and none is forgotten early. Raise cobo.webhook.replay-cache-size, or remember deliveries "
					+ "in the database with cobo.token-store.type=jdbc");
			throw new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.REPLAY_MEMORY_FULL);
		}
		this.seen.put(key, forgetAt);
		this.byForgetAt.add(new Remembered(key, forgetAt));
		return true;
	}

	private void forgetExpired(Instant now) {
		Remembered soonest = this.byForgetAt.peek();
		while (soonest != null && !soonest.forgetAt().isAfter(now)) {
			this.byForgetAt.poll();
			this.seen.remove(soonest.key());
			soonest = this.byForgetAt.peek();
		}
	}

	/** @return how many deliveries are remembered now */
	synchronized int size() {
		return this.seen.size();
	}

	private record Remembered(String key, Instant forgetAt) implements Comparable<Remembered> {

		@Override
		public int compareTo(Remembered other) {
			return this.forgetAt.compareTo(other.forgetAt);
		}

	}

}
