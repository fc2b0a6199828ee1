package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.ResponseDigest;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Verifiers built with {@link CoboDeliveryVerifier.Builder#jdbcReplayStore} share what they
 * accepted through one database (the machine's PostgreSQL, a schema of this class's own), as the
 * instances of a clustered application do.
 */
class SharedReplayStoreTest {

	private static final String EVENT = "{\"event_type\":\"app.installed\",\"org_id\":\"org-42\"}";

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static PostgresSchema schema;

	private final MutableClock clock = MutableClock.startingNow();

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
		JdbcTemplate jdbc = schema.jdbc();
		jdbc.execute("DROP TABLE IF EXISTS cobo_webhook_delivery");
		new ResourceDatabasePopulator(
				new ClassPathResource("dev/cobooauth/signing/cobo-webhook-delivery-schema-postgres.sql"))
			.execute(jdbc.getDataSource());
	}

	private CoboDeliveryVerifier instance(DataSource database) {
		return CoboDeliveryVerifier.builder(TestKeys.coboPublicKey(), "test")
			.tolerance(TOLERANCE)
			.clock(this.clock)
			.jdbcReplayStore(database)
			.build();
	}

	private CoboDeliveryVerifier instance() {
		return instance(schema.jdbc().getDataSource());
	}

	private static HttpHeaders signed(String body, long timestamp) {
		String time = Long.toString(timestamp);
		HttpHeaders headers = new HttpHeaders();
		headers.set("BIZ-TIMESTAMP", time);
		headers.set("BIZ-RESP-SIGNATURE",
				TestKeys.cobo().sign(ResponseDigest.of(body.getBytes(StandardCharsets.UTF_8), time)));
		return headers;
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static CoboDeliveryVerificationException.Reason refusal(CoboDeliveryVerifier verifier, HttpHeaders headers,
			String body) {
		try {
			verifier.verify(headers, bytes(body));
			return null;
		}
		catch (CoboDeliveryVerificationException ex) {
			return ex.getReason();
		}
	}

	@Test
	void aDeliveryOneVerifierAcceptedIsRefusedByAnother() {
		CoboDeliveryVerifier first = instance();
		CoboDeliveryVerifier second = instance();
		HttpHeaders delivery = signed(EVENT, this.clock.millis());

		assertThat(first.verify(delivery, bytes(EVENT)).bodyAsString()).isEqualTo(EVENT);

		assertThat(refusal(second, delivery, EVENT)).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAYED);
	}

	@Test
	void refusesAReplayWhoseSignatureIsSpelledInCapitals() {
		HttpHeaders delivery = signed(EVENT, this.clock.millis());
		instance().verify(delivery, bytes(EVENT));

		HttpHeaders capitals = new HttpHeaders();
		capitals.set("biz_timestamp", delivery.getFirst("BIZ-TIMESTAMP"));
		capitals.set("biz_resp_signature", delivery.getFirst("BIZ-RESP-SIGNATURE").toUpperCase());
		assertThat(refusal(instance(), capitals, EVENT)).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAYED);
	}

	@Test
	void acceptsOneOfManyCopiesArrivingAtOnceOnSeveralVerifiers() throws Exception {
		List<CoboDeliveryVerifier> verifiers = List.of(instance(), instance(), instance(), instance());
		HttpHeaders delivery = signed(EVENT, this.clock.millis());
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<CoboDeliveryVerificationException.Reason>> copies = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			CoboDeliveryVerifier verifier = verifiers.get(i % verifiers.size());
			copies.add(() -> {
				start.await();
				return refusal(verifier, delivery, EVENT);
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(copies.size());
		try {
			List<Future<CoboDeliveryVerificationException.Reason>> answers = new ArrayList<>();
			copies.forEach((copy) -> answers.add(threads.submit(copy)));
			start.countDown();
			List<CoboDeliveryVerificationException.Reason> reasons = new ArrayList<>();
			for (Future<CoboDeliveryVerificationException.Reason> answer : answers) {
				reasons.add(answer.get());
			}
			assertThat(reasons).filteredOn((reason) -> reason == null).hasSize(1);
			assertThat(reasons).filteredOn((reason) -> reason != null)
				.hasSize(23)
				.containsOnly(CoboDeliveryVerificationException.Reason.REPLAYED);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aRowPastItsTimeNeverBlocksADelivery() {
		long sentAt = this.clock.millis();
		String digest = HexFormat.of().formatHex(ResponseDigest.of(bytes(EVENT), Long.toString(sentAt)));
		schema.jdbc()
			.update("INSERT INTO cobo_webhook_delivery (delivery_digest, forget_at) VALUES (?, ?)", digest,
					sentAt - 1);

		instance().verify(signed(EVENT, sentAt), bytes(EVENT));

		assertThat(schema.jdbc()
			.queryForObject("SELECT forget_at FROM cobo_webhook_delivery WHERE delivery_digest = ?", Long.class, digest))
			.isEqualTo(sentAt + TOLERANCE.plus(CoboDeliveryVerifier.FORGET_MARGIN).toMillis());
	}

	@Test
	void deletesTheRowsPastTheirTimeByTheVerifiersClock() {
		CoboDeliveryVerifier verifier = instance();
		verifier.verify(signed(EVENT, this.clock.millis()), bytes(EVENT));
		this.clock.advance(TOLERANCE.plus(CoboDeliveryVerifier.FORGET_MARGIN).plusSeconds(1));

		verifier.verify(signed("{}", this.clock.millis()), bytes("{}"));

		assertThat(schema.jdbc().queryForObject("SELECT COUNT(*) FROM cobo_webhook_delivery", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void refusesWith503RatherThanAcceptWhenTheDatabaseDoesNotAnswer() {
		CoboDeliveryVerifier verifier = instance(
				new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=1", "postgres", ""));

		assertThatExceptionOfType(CoboDeliveryVerificationException.class)
			.isThrownBy(() -> verifier.verify(signed(EVENT, this.clock.millis()), bytes(EVENT)))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAY_CHECK_UNAVAILABLE);
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getBody().getDetail()).doesNotContain("127.0.0.1");
				assertThat(ex).hasRootCauseInstanceOf(java.net.ConnectException.class);
			});
	}

	@Test
	void refusesWith503WhenTheTableIsMissing() {
		schema.jdbc().execute("DROP TABLE cobo_webhook_delivery");

		assertThat(refusal(instance(), signed(EVENT, this.clock.millis()), EVENT))
			.isEqualTo(CoboDeliveryVerificationException.Reason.REPLAY_CHECK_UNAVAILABLE);
	}

	@Test
	void worksWithTheStandardScriptOnAnotherDatabase() {
		SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:replays;DB_CLOSE_DELAY=-1", "sa",
				"", true);
		try {
			new ResourceDatabasePopulator(new ClassPathResource("dev/cobooauth/signing/cobo-webhook-delivery-schema.sql"))
				.execute(h2);
			HttpHeaders delivery = signed(EVENT, this.clock.millis());
			instance(h2).verify(delivery, bytes(EVENT));

			assertThat(refusal(instance(h2), delivery, EVENT)).isEqualTo(CoboDeliveryVerificationException.Reason.REPLAYED);
		}
		finally {
			h2.destroy();
		}
	}

}
