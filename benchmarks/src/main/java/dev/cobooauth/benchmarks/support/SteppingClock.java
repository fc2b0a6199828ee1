package dev.cobooauth.benchmarks.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall clock plus an offset that a benchmark moves forward together with the simulator's
 * clock, so tokens expire without waiting.
 */
public final class SteppingClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/**
	 * @param duration how far to move forward
	 */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
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
