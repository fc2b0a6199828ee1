package dev.cobooauth.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import dev.cobooauth.signing.DeliveryVerifierProbe;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.ResponseDigest;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import dev.cobooauth.webhook.CoboWebhookContract.ApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import static dev.cobooauth.webhook.CoboWebhookContract.COBO;
import static dev.cobooauth.webhook.CoboWebhookContract.EVENT;
import static dev.cobooauth.webhook.CoboWebhookContract.assertRefused;
import static dev.cobooauth.webhook.CoboWebhookContract.callbacks;
import static dev.cobooauth.webhook.CoboWebhookContract.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Portal App running as several instances relies on, on either stack, with
 * {@code cobo.token-store.type=jdbc}: a delivery one instance accepted is refused as a replay by
 * every other, since they remember deliveries in their shared database (the machine's PostgreSQL,
 * a schema of this class's own), and a database that does not answer never lets a delivery through.
 * The instances share one {@code coboClock}, which the tests move.
 */
public abstract class ClusteredCoboWebhookContract {

	private static final String OTHER_EVENT = "{\"event_type\":\"app.installed\",\"org_id\":\"org-43\"}";

	private static PostgresSchema schema;

	private final MutableClock clock = MutableClock.startingNow();

	/**
	 * @param properties the application's properties
	 * @param clock its {@code coboClock}
	 * @param test what to do with it
	 */
	protected abstract void withInstance(String[] properties, Clock clock, ApplicationTest test);

	/**
	 * @param context the running application
	 * @param path where to post
	 * @param headers the request headers
	 * @param body the body
	 * @return the answer
	 */
	protected abstract Answer post(ApplicationContext context, String path, Map<String, String> headers, String body);

	/** A test run against two instances of one application. */
	@FunctionalInterface
	protected interface ClusterTest {

		void accept(ApplicationContext first, ApplicationContext second);

	}

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create();
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void startWithoutDeliveries() {
		schema.jdbc().execute("DROP TABLE IF EXISTS cobo_webhook_delivery");
	}

	protected static String[] onPostgres(String... more) {
		return Stream.of(COBO, schema.dataSourceProperties(),
				TestKeys.JDBC_TOKEN_STORE, new String[] { "cobo.token-store.initialize-schema=always" }, more)
			.flatMap(Stream::of)
			.toArray(String[]::new);
	}

	private void withTwoInstances(ClusterTest test) {
		withInstance(onPostgres(), this.clock,
				(first) -> withInstance(onPostgres(), this.clock, (second) -> test.accept(first, second)));
	}

	private static String digestOf(String body, long timestamp) {
		return HexFormat.of()
			.formatHex(ResponseDigest.of(body.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp)));
	}

	@Test
	void aDeliveryOneInstanceAcceptedIsRefusedByAnotherAsReplayed() {
		withTwoInstances((first, second) -> {
			Map<String, String> delivery = signed(EVENT, this.clock.millis());
			assertThat(post(first, "/cobo/events", delivery, EVENT).status()).isEqualTo(200);

			assertRefused(post(second, "/cobo/events", delivery, EVENT), 401);
			assertRefused(post(first, "/cobo/events", delivery, EVENT), 401);
			assertThat(callbacks(first).received).hasSize(1);
			assertThat(callbacks(second).received).isEmpty();
		});
	}

	@Test
	void keepsADigestOfWhatCoboSignedUntilTheToleranceAndAMarginHavePassed() {
		withTwoInstances((first, second) -> {
			long sentAt = this.clock.millis();
			Map<String, String> delivery = signed(EVENT, sentAt);
			post(first, "/cobo/events", delivery, EVENT);

			Map<String, Object> row = schema.jdbc().queryForMap("SELECT * FROM cobo_webhook_delivery");
			assertThat(row).containsEntry("delivery_digest", digestOf(EVENT, sentAt))
				.containsEntry("forget_at", sentAt + Duration.ofMinutes(5).plus(DeliveryVerifierProbe.FORGET_MARGIN).toMillis());
			assertThat(row.values()).doesNotContain(delivery.get("BIZ-RESP-SIGNATURE"));
		});
	}

	@Test
	void forgetsADeliveryOnEveryInstanceOnceTheToleranceAndAMarginHavePassed() {
		withTwoInstances((first, second) -> {
			long sentAt = this.clock.millis();
			Map<String, String> delivery = signed(EVENT, sentAt);
			post(first, "/cobo/events", delivery, EVENT);

			this.clock.advance(Duration.ofMinutes(5).plus(DeliveryVerifierProbe.FORGET_MARGIN).plusSeconds(1));

			assertRefused(post(second, "/cobo/events", delivery, EVENT), 401);
			Map<String, String> next = signed(OTHER_EVENT, this.clock.millis());
			assertThat(post(second, "/cobo/events", next, OTHER_EVENT).status()).isEqualTo(200);
			assertThat(schema.jdbc().queryForList("SELECT delivery_digest FROM cobo_webhook_delivery", String.class))
				.containsExactly(digestOf(OTHER_EVENT, this.clock.millis()));
		});
	}

	@Test
	void refusesADeliveryWith503WhenTheDatabaseDoesNotAnswer() {
		String[] databaseDown = { COBO[0], "cobo.token-store.type=jdbc",
				"cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY, "cobo.token-store.initialize-schema=never",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/test", "spring.datasource.username=postgres",
				"spring.datasource.hikari.connection-timeout=250" };
		withInstance(databaseDown, this.clock, (context) -> {
			Answer answer = post(context, "/cobo/events", signed(EVENT, this.clock.millis()), EVENT);

			assertRefused(answer, 503);
			assertThat(answer.body()).doesNotContain("127.0.0.1").doesNotContain("cobo_webhook_delivery");
			assertThat(callbacks(context).received).isEmpty();
		});
	}

}
