package dev.cobooauth.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's clock for token expiry and for the {@code BIZ-TIMESTAMP} of its answers: the wall
 * clock plus an offset that tests move forward, so tokens expire without sleeping. Nonces are not
 * checked against it: clients sign with the system clock.
 * A {@link Clock} in UTC, so that the application under test can date its tokens by it too.
 */
final class SimulatorClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	Instant now() {
		return Instant.now().plus(this.offset.get());
	}

	void advance(Duration amount) {
		this.offset.accumulateAndGet(amount, Duration::plus);
	}

	void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		if (!ZoneOffset.UTC.equals(zone)) {
			throw new UnsupportedOperationException("The simulator's clock is UTC");
		}
		return this;
	}

}
