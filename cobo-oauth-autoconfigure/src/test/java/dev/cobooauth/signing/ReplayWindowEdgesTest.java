package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.function.Function;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.ResponseDigest;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A delivery at the edges of the replay window, in memory and in the database: it is remembered at
 * least until it could no longer pass the age check, whatever the clock does between the checks of
 * one verification, and a full memory refuses new deliveries rather than forget one still inside
 * the window.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplayWindowEdgesTest {

	private static final String EVENT = "{\"event_id\":\"e-1\",\"type\":\"wallets.transaction.succeeded\"}";

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static PostgresSchema schema;

	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create();
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void createTable() {
		schema.jdbc().execute("DROP TABLE IF EXISTS cobo_webhook_delivery");
		new ResourceDatabasePopulator(
				new ClassPathResource("dev/cobooauth/signing/cobo-webhook-delivery-schema-postgres.sql"))
			.execute(schema.jdbc().getDataSource());
	}

	private static CoboDeliveryVerifier.Builder verifier(Clock clock) {
		return CoboDeliveryVerifier.builder(TestKeys.coboPublicKey(), "test").tolerance(TOLERANCE).clock(clock);
	}

	private static CoboDeliveryVerifier inMemory(Clock clock) {
		return verifier(clock).build();
	}

	private static CoboDeliveryVerifier inDatabase(Clock clock) {
		return verifier(clock).jdbcReplayStore(schema.jdbc().getDataSource()).build();
	}

	private static HttpHeaders signed(String body, long timestamp) {
		String time = Long.toString(timestamp);
		HttpHeaders headers = new HttpHeaders();
		headers.set("BIZ-TIMESTAMP", time);
		headers.set("BIZ-RESP-SIGNATURE",
				TestKeys.cobo().sign(ResponseDigest.of(body.getBytes(StandardCharsets.UTF_8), time)));
		return headers;
	}

	private static CoboDeliveryVerificationException.Reason refusal(CoboDeliveryVerifier verifier, HttpHeaders headers,
			String body) {
		return assertThatExceptionOfType(CoboDeliveryVerificationException.class)
			.isThrownBy(() -> verifier.verify(headers, body.getBytes(StandardCharsets.UTF_8)))
			.actual()
			.getReason();
	}

	@Test
	void aReplayAtTheLastMomentItPassesTheAgeCheckIsRefusedInMemory() {
		refusesAReplayAtTheLastMomentItPassesTheAgeCheck(ReplayWindowEdgesTest::inMemory);
	}

	@Test
	void aReplayAtTheLastMomentItPassesTheAgeCheckIsRefusedInTheDatabase() {
		refusesAReplayAtTheLastMomentItPassesTheAgeCheck(ReplayWindowEdgesTest::inDatabase);
	}

	private void refusesAReplayAtTheLastMomentItPassesTheAgeCheck(Function<Clock, CoboDeliveryVerifier> store) {
		CoboDeliveryVerifier verifier = store.apply(this.clock);
		HttpHeaders delivery = signed(EVENT, this.clock.millis());
		verifier.verify(delivery, EVENT.getBytes(StandardCharsets.UTF_8));

		this.clock.advance(TOLERANCE);

		assertThat(refusal(verifier, delivery, EVENT)).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAYED);
	}

	@Test
	void oneVerificationReadsTheClockOnceInMemory() {
		readsTheClockOnce(ReplayWindowEdgesTest::inMemory);
	}

	@Test
	void oneVerificationReadsTheClockOnceInTheDatabase() {
		readsTheClockOnce(ReplayWindowEdgesTest::inDatabase);
	}

	/**
	 * A clock that moves on by two minutes at each reading: had the replay check read it again after
	 * the age check, it would have forgotten the delivery the age check had just let through.
	 */
	private void readsTheClockOnce(Function<Clock, CoboDeliveryVerifier> store) {
		Instant sentAt = this.clock.instant();
		SteppingClock stepping = new SteppingClock(sentAt, Duration.ZERO);
		CoboDeliveryVerifier verifier = store.apply(stepping);
		HttpHeaders delivery = signed(EVENT, sentAt.toEpochMilli());
		verifier.verify(delivery, EVENT.getBytes(StandardCharsets.UTF_8));

		stepping.jumpTo(sentAt.plus(TOLERANCE), Duration.ofMinutes(2));

		assertThat(refusal(verifier, delivery, EVENT)).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAYED);
		assertThat(stepping.readings).isEqualTo(1);
	}

	@Test
	void aFullMemoryRefusesNewDeliveriesWith503AndForgetsNoneInsideTheWindow(CapturedOutput output) {
		CoboDeliveryVerifier verifier = verifier(this.clock).replayCacheSize(2).build();
		HttpHeaders first = signed(EVENT, this.clock.millis());
		verifier.verify(first, EVENT.getBytes(StandardCharsets.UTF_8));
		verifier.verify(signed("{\"n\":2}", this.clock.millis()), "{\"n\":2}".getBytes(StandardCharsets.UTF_8));

		CoboDeliveryVerificationException full = assertThatExceptionOfType(CoboDeliveryVerificationException.class)
			.isThrownBy(() -> verifier.verify(signed("{\"n\":3}", this.clock.millis()),
					"{\"n\":3}".getBytes(StandardCharsets.UTF_8)))
			.actual();

		assertThat(full.getReason()).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAY_MEMORY_FULL);
		assertThat(full.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(output).contains("WARN").contains("cobo.webhook.replay-cache-size");
		assertThat(refusal(verifier, first, EVENT)).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAYED);
	}

	@Test
	void aFullMemoryMakesRoomOnceItsDeliveriesLeaveTheWindow() {
		CoboDeliveryVerifier verifier = verifier(this.clock).replayCacheSize(1).build();
		verifier.verify(signed(EVENT, this.clock.millis()), EVENT.getBytes(StandardCharsets.UTF_8));

		this.clock.advance(TOLERANCE.plus(CoboDeliveryVerifier.FORGET_MARGIN).plusMillis(1));

		verifier.verify(signed("{\"n\":2}", this.clock.millis()), "{\"n\":2}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void everyRefusalGivesTheSenderTheSameAnswer() {
		CoboDeliveryVerifier verifier = inMemory(this.clock);
		HttpHeaders delivery = signed(EVENT, this.clock.millis());
		verifier.verify(delivery, EVENT.getBytes(StandardCharsets.UTF_8));
		HttpHeaders forged = signed(EVENT, this.clock.millis());
		forged.set("BIZ-RESP-SIGNATURE", HexFormat.of().formatHex(new byte[64]));
		HttpHeaders stale = signed(EVENT, this.clock.instant().minus(TOLERANCE).minusSeconds(1).toEpochMilli());

		CoboDeliveryVerificationException replayed = refusalOf(verifier, delivery);
		CoboDeliveryVerificationException invalid = refusalOf(verifier, forged);
		CoboDeliveryVerificationException old = refusalOf(verifier, stale);
		CoboDeliveryVerificationException unsigned = refusalOf(verifier, new HttpHeaders());

		for (CoboDeliveryVerificationException refusal : new CoboDeliveryVerificationException[] { invalid, old,
				unsigned }) {
			assertThat(refusal.getStatusCode()).isEqualTo(replayed.getStatusCode());
			assertThat(refusal.getBody()).isEqualTo(replayed.getBody());
		}
		assertThat(replayed.getBody().getDetail()).isEqualTo("The delivery was not accepted");
		assertThat(replayed.getBody().getProperties()).isNullOrEmpty();
	}

	private static CoboDeliveryVerificationException refusalOf(CoboDeliveryVerifier verifier, HttpHeaders headers) {
		return assertThatExceptionOfType(CoboDeliveryVerificationException.class)
			.isThrownBy(() -> verifier.verify(headers, EVENT.getBytes(StandardCharsets.UTF_8)))
			.actual();
	}

	/** A clock that moves on by a step at each reading, and counts its readings. */
	private static final class SteppingClock extends Clock {

		private Instant next;

		private Duration step;

		int readings;

		SteppingClock(Instant start, Duration step) {
			this.next = start;
			this.step = step;
		}

		void jumpTo(Instant start, Duration step) {
			this.next = start;
			this.step = step;
			this.readings = 0;
		}

		@Override
		public synchronized Instant instant() {
			Instant now = this.next;
			this.next = now.plus(this.step);
			this.readings++;
			return now;
		}

		@Override
		public long millis() {
			return instant().toEpochMilli();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
