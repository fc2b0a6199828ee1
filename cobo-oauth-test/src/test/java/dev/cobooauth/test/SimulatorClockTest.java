package dev.cobooauth.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's clock as an application under test reads it.
 */
class SimulatorClockTest {

	@Test
	void movesWithAdvanceTimeSoThatTheApplicationSeesTokensExpire() {
		try (CoboSimulator sim = CoboSimulator.start()) {
			Clock clock = sim.clock();
			Instant before = clock.instant();

			sim.advanceTime(Duration.ofHours(12));

			assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofHours(12)));
			assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
		}
	}

	@Test
	void goesBackToTheWallClockOnReset() {
		try (CoboSimulator sim = CoboSimulator.start()) {
			sim.advanceTime(Duration.ofDays(1));

			sim.reset();

			assertThat(sim.clock().instant()).isBefore(Instant.now().plus(Duration.ofHours(1)));
		}
	}

}
