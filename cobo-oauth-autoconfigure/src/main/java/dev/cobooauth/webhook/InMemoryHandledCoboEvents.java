package dev.cobooauth.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handled events in this instance's memory, each forgotten {@code retention} after it was handled.
 * Forgotten events are swept at most once a minute, on a claim.
 */
final class InMemoryHandledCoboEvents implements HandledCoboEvents {

	private static final long SWEEP_INTERVAL = Duration.ofMinutes(1).toMillis();

	/** When each event was claimed, and handled (0 while its handler runs), in milliseconds. */
	private record Entry(long claimedAt, long handledAt) {
	}

	private final Map<String, Entry> events = new ConcurrentHashMap<>();

	private final long retention;

	private final Clock clock;

	private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

	InMemoryHandledCoboEvents(Duration retention, Clock clock) {
		this.retention = retention.toMillis();
		this.clock = clock;
	}

	@Override
	public Claim claim(String eventId) {
		long now = this.clock.millis();
		sweep(now);
		Claim[] claim = new Claim[1];
		this.events.compute(eventId, (id, entry) -> {
			if (entry == null || (entry.handledAt() == 0 && entry.claimedAt() <= now - ABANDONED_AFTER.toMillis())) {
				claim[0] = Claim.CLAIMED;
				return new Entry(now, 0);
			}
			claim[0] = (entry.handledAt() != 0) ? Claim.HANDLED : Claim.IN_PROGRESS;
			return entry;
		});
		return claim[0];
	}

	@Override
	public void completed(String eventId) {
		long now = this.clock.millis();
		this.events.computeIfPresent(eventId, (id, entry) -> new Entry(entry.claimedAt(), Math.max(now, 1)));
	}

	@Override
	public void released(String eventId) {
		this.events.computeIfPresent(eventId, (id, entry) -> (entry.handledAt() == 0) ? null : entry);
	}

	private void sweep(long now) {
		long due = this.nextSweep.get();
		if (now < due || !this.nextSweep.compareAndSet(due, now + SWEEP_INTERVAL)) {
			return;
		}
		this.events.values().removeIf((entry) -> entry.handledAt() != 0 && entry.handledAt() <= now - this.retention);
	}

	@Override
	public String toString() {
		return "InMemoryHandledCoboEvents[" + this.events.size() + " events]";
	}

}
