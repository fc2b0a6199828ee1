package dev.cobooauth.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonceSourceTest {

	private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

	@Test
	void followsTheClockInMilliseconds() {
		NonceSource nonces = new NonceSource(Clock.fixed(NOW, ZoneOffset.UTC));

		assertThat(nonces.next()).isEqualTo(NOW.toEpochMilli());
	}

	@Test
	void stepsPastTheClockWhenTwoRequestsShareAMillisecond() {
		NonceSource nonces = new NonceSource(Clock.fixed(NOW, ZoneOffset.UTC));

		long first = nonces.next();
		long second = nonces.next();

		assertThat(second).isEqualTo(first + 1);
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
	void twoInstancesSigningAtTheSameMomentIssueDifferentNonces() {
		Clock sameMoment = Clock.fixed(NOW, ZoneOffset.UTC);
		NonceSource first = new NonceSource(sameMoment, new SplittableRandom(1));
		NonceSource second = new NonceSource(sameMoment, new SplittableRandom(2));
		Set<Long> issued = new HashSet<>();

		for (int i = 0; i < 100; i++) {
			issued.add(first.next());
			issued.add(second.next());
		}

		assertThat(issued).hasSize(200)
			.allSatisfy((nonce) -> assertThat(nonce).isBetween(NOW.toEpochMilli() - NonceSource.MAX_OFFSET_MILLIS,
					NOW.toEpochMilli() + 100));
	}

	@Test
	void eachInstanceRunsBehindTheClockByAnOffsetOfItsOwn() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		Set<Long> firstNonces = new HashSet<>();
		for (int seed = 0; seed < 20; seed++) {
			firstNonces.add(new NonceSource(clock, new SplittableRandom(seed)).next());
		}

		assertThat(firstNonces).hasSizeGreaterThan(15);
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
