package dev.cobooauth.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move forward by hand, to expire tokens without sleeping.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * @param now where the clock starts
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/** @return a clock starting at the real current time */
	public static MutableClock startingNow() {
		return new MutableClock(Instant.now());
	}

	/**
	 * @param duration how far to move forward
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
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
		return this.now;
	}

}
