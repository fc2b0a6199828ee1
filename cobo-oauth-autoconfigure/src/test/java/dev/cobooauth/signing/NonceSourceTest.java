package dev.cobooauth.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonceSourceTest {

	private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

	@Test
	void followsTheClockInMillisecondsWithinItsSlot() {
		NonceSource nonces = new NonceSource(Clock.fixed(NOW, ZoneOffset.UTC), 5);

		long nonce = nonces.next();

		assertThat(nonce).isBetween(NOW.toEpochMilli(), NOW.toEpochMilli() + NonceSource.SLOTS - 1);
		assertThat(Math.floorMod(nonce, NonceSource.SLOTS)).isEqualTo(5);
	}

	@Test
	void stepsToItsSlotInTheNextRoundWhenTwoRequestsShareAMillisecond() {
		NonceSource nonces = new NonceSource(Clock.fixed(NOW, ZoneOffset.UTC));

		long first = nonces.next();
		long second = nonces.next();

		assertThat(second).isEqualTo(first + NonceSource.SLOTS);
	}

	@Test
	void neverGoesBackWhenTheClockDoes() {
		MutableClock clock = new MutableClock(NOW);
		NonceSource nonces = new NonceSource(clock);
		long before = nonces.next();

		clock.now = NOW.minusSeconds(5);

		assertThat(nonces.next()).isGreaterThan(before);
	}

	@Test
	void issuesDistinctNoncesToConcurrentCallers() throws InterruptedException {
		NonceSource nonces = new NonceSource(Clock.fixed(NOW, ZoneOffset.UTC));
		Set<Long> issued = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 1000; i++) {
			pool.execute(() -> issued.add(nonces.next()));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(issued).hasSize(1000);
	}

	@Test
	void twoSourcesInDifferentSlotsNeverIssueTheSameNonceEvenInABurst() {
		// Two instances under a storm of identical requests, the clock moving a millisecond at a time.
		MutableClock clock = new MutableClock(NOW);
		NonceSource first = new NonceSource(clock, 3);
		NonceSource second = new NonceSource(clock, 4);
		Set<Long> issued = new HashSet<>();

		for (int i = 0; i < 1000; i++) {
			clock.now = clock.now.plusMillis(i % 2);
			issued.add(first.next());
			issued.add(first.next());
			issued.add(second.next());
		}

		assertThat(issued).hasSize(3000);
	}

	@Test
	void theSourcesOfOneProcessTakeDifferentSlots() {
		Set<Integer> slots = new HashSet<>();
		for (int i = 0; i < NonceSource.SLOTS; i++) {
			slots.add(new NonceSource().slot());
		}

		assertThat(slots).hasSize(NonceSource.SLOTS);
	}

	@Test
	void aNonceStaysAMillisecondTimestampCloseToTheClock() {
		NonceSource nonces = new NonceSource();

		assertThat(nonces.next()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(1000L));
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
