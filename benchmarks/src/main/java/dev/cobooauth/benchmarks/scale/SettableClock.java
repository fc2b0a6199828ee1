package dev.cobooauth.benchmarks.scale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Wall time plus an offset the benchmark moves forward, shared by both instances as their
 * {@code coboClock}: moving it brings every token to its refresh margin at once.
 */
final class SettableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	void advance(Duration amount) {
		this.offset = this.offset.plus(amount);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
