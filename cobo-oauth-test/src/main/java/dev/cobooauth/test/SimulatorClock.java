package dev.cobooauth.test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's clock for token expiry: the wall clock plus an offset that tests move forward, so
 * tokens expire without sleeping. Nonces are not checked against it: clients sign with the system clock.
 */
final class SimulatorClock {

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

}
