package dev.cobooauth.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.transactions.CoboTransaction;
import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @VerifiedCoboDelivery CoboEvent} on either stack: the event typed, its handler run once per
 * {@code event_id} however many times and with whatever signature it is delivered, nothing recorded
 * when the handler throws (the delivery answered 5XX, so that Cobo delivers it again); in memory, and on
 * PostgreSQL shared by two instances that receive the same event at the same time. Each stack's test
 * supplies the application and how to post to it.
 */
abstract class CoboEventOnceContract {

	private final AtomicLong lastTimestamp = new AtomicLong();

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
	void withoutEvents() {
		schema.jdbc().execute("DROP TABLE IF EXISTS cobo_webhook_event");
	}

	/**
	 * @param clock the application's {@code coboClock}
	 * @param properties the application's properties, Cobo's public key among them
	 * @param test what to do with the running application, whose user configuration is
	 * {@link EventHandler}
	 */
	protected abstract void withApplication(Clock clock, String[] properties, EventTest test);

	/**
	 * @param context the running application
	 * @param path where to post
	 * @param headers the request headers
	 * @param body the body
	 * @return the answer; a handler's exception no one answered is a 500
	 */
	protected abstract Answer post(ApplicationContext context, String path, Map<String, String> headers, String body);

	/** A test run against one application. */
	@FunctionalInterface
	protected interface EventTest {

		void accept(ApplicationContext context) throws Exception;

	}

	private void inMemory(EventTest test) {
		inMemory(new String[0], test);
	}

	private void inMemory(String[] properties, EventTest test) {
		withApplication(this.clock, concat(CoboWebhookContract.COBO, properties), test);
	}

	private void onPostgres(EventTest test) {
		onPostgres(new String[0], test);
	}

	private void onPostgres(String[] properties, EventTest test) {
		inMemory(concat(concat(schema.dataSourceProperties(), properties),
				new String[] { "cobo.token-store.type=jdbc", "cobo.token-store.initialize-schema=always",
						"cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY }),
				test);
	}

	private static String[] concat(String[] first, String[] second) {
		return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
	}

	@Test
	void givesTheTransactionOfATransactionEventTyped() {
		inMemory((context) -> {
			deliver(context, transactionEvent("e-1"));

			CoboEvent event = handler(context).handled.get(0);
			assertThat(event.eventId()).isEqualTo("e-1");
			assertThat(event.type()).isEqualTo("wallets.transaction.succeeded");
			assertThat(event.createdTimestamp()).isEqualTo(1_700_000_000_000L);
			CoboTransaction transaction = event.transaction();
			assertThat(transaction.transactionId()).isEqualTo("t-1");
			assertThat(transaction.requestId()).isEqualTo("r-1");
			assertThat(transaction.status()).isEqualTo("Completed");
			assertThat(transaction.walletId()).isEqualTo("w-1");
			assertThat(transaction.tokenId()).isEqualTo("ETH");
			assertThat(transaction.amount()).isEqualTo("0.5");
		});
	}

	@Test
	void givesTheDataOfAnyOtherEventAsJson() {
		inMemory((context) -> {
			deliver(context, "{\"event_id\":\"e-2\",\"type\":\"wallets.addresses.created\",\"created_timestamp\":1,"
					+ "\"data\":{\"data_type\":\"Addresses\",\"addresses\":[]},\"retries_left\":10}");

			CoboEvent event = handler(context).handled.get(0);
			assertThat(event.transaction()).isNull();
			assertThat(event.data().get("data_type").asString()).isEqualTo("Addresses");
		});
	}

	@Test
	void runsTheHandlerOncePerEventIdHoweverOftenItIsDeliveredAndSigned() {
		inMemory((context) -> {
			String event = transactionEvent("e-3");

			Answer first = deliver(context, event);
			Answer second = deliver(context, event);
			Answer third = deliver(context, event);

			assertThat(List.of(first.status(), second.status(), third.status())).containsOnly(200);
			assertThat(handler(context).handled).hasSize(1);
		});
	}

	@Test
	void recordsNothingWhenTheHandlerThrowsSoTheNextDeliveryRunsItAgain() {
		inMemory((context) -> {
			String event = transactionEvent("e-4");
			handler(context).failuresToCome.set(1);

			assertThat(deliver(context, event).status()).isEqualTo(500);
			Answer retried = deliver(context, event);
			Answer again = deliver(context, event);

			assertThat(retried.status()).isEqualTo(200);
			assertThat(again.status()).isEqualTo(200);
			assertThat(handler(context).calls).hasValue(2);
			assertThat(handler(context).handled).hasSize(1);
		});
	}

	@Test
	void forgetsAnEventAfterTheRetention() {
		inMemory(new String[] { "cobo.webhook.event-retention=1h" }, (context) -> {
			String event = transactionEvent("e-5");
			deliver(context, event);
			this.clock.advance(Duration.ofHours(1).plusMinutes(2));

			deliver(context, event);

			assertThat(handler(context).handled).hasSize(2);
		});
	}

	@Test
	void twoInstancesOnPostgresReceivingOneEventAtOnceRunTheHandlerOnce() {
		onPostgres((first) -> onPostgres((second) -> {
			String event = transactionEvent("e-6");
			CountDownLatch release = new CountDownLatch(1);
			handler(first).blockUntil = release;
			handler(second).blockUntil = release;

			CompletableFuture<Answer> atFirst = CompletableFuture.supplyAsync(() -> deliver(first, event));
			CompletableFuture<Answer> atSecond = CompletableFuture.supplyAsync(() -> deliver(second, event));
			Answer notRun = CompletableFuture.anyOf(atFirst, atSecond).thenApply(Answer.class::cast).get(10,
					TimeUnit.SECONDS);
			release.countDown();
			Answer run = (atFirst.get(10, TimeUnit.SECONDS) == notRun) ? atSecond.get() : atFirst.get();
			Answer redelivered = deliver(first, event);
			Answer redeliveredToSecond = deliver(second, event);

			assertThat(notRun.status()).isEqualTo(503);
			assertThat(run.status()).isEqualTo(200);
			assertThat(List.of(redelivered.status(), redeliveredToSecond.status())).containsOnly(200);
			assertThat(handler(first).calls.get() + handler(second).calls.get()).isEqualTo(1);
			assertThat(schema.jdbc().queryForObject("SELECT COUNT(*) FROM cobo_webhook_event WHERE event_id = 'e-6' "
					+ "AND handled_at IS NOT NULL", Integer.class)).isEqualTo(1);
		}));
	}

	@Test
	void leavesNoRowOnPostgresWhenTheHandlerThrows() {
		onPostgres((first) -> onPostgres((second) -> {
			String event = transactionEvent("e-7");
			handler(first).failuresToCome.set(1);

			assertThat(deliver(first, event).status()).isEqualTo(500);
			assertThat(schema.jdbc().queryForObject("SELECT COUNT(*) FROM cobo_webhook_event", Integer.class)).isZero();
			assertThat(deliver(second, event).status()).isEqualTo(200);

			assertThat(handler(second).handled).hasSize(1);
			assertThat(deliver(first, event).status()).isEqualTo(200);
			assertThat(handler(first).handled).isEmpty();
		}));
	}

	@Test
	void deletesRowsOnPostgresOnceTheRetentionHasPassed() {
		onPostgres(new String[] { "cobo.webhook.event-retention=1h" }, (context) -> {
			deliver(context, transactionEvent("e-8"));
			this.clock.advance(Duration.ofHours(1).plusMinutes(2));

			deliver(context, transactionEvent("e-9"));

			assertThat(schema.jdbc().queryForList("SELECT event_id FROM cobo_webhook_event", String.class))
				.containsExactly("e-9");
		});
	}

	private Answer deliver(ApplicationContext context, String body) {
		long timestamp = this.lastTimestamp.updateAndGet((last) -> Math.max(last + 1, this.clock.millis()));
		Map<String, String> headers = CoboWebhookContract.signed(body, timestamp);
		return post(context, "/cobo/events", headers, body);
	}

	private static String transactionEvent(String eventId) {
		return "{\"event_id\":\"" + eventId + "\",\"url\":\"https://app.example/cobo/events\","
				+ "\"created_timestamp\":1700000000000,\"type\":\"wallets.transaction.succeeded\",\"data\":{"
				+ "\"data_type\":\"Transaction\",\"transaction_id\":\"t-1\",\"request_id\":\"r-1\",\"wallet_id\":\"w-1\","
				+ "\"type\":\"Withdrawal\",\"status\":\"Completed\",\"chain_id\":\"ETH\",\"token_id\":\"ETH\","
				+ "\"destination\":{\"destination_type\":\"Address\",\"account_output\":{\"address\":\"0x01\","
				+ "\"amount\":\"0.5\"}}},\"status\":\"Delivered\",\"retries_left\":10}";
	}

	private static EventHandler handler(ApplicationContext context) {
		return context.getBean(EventHandler.class);
	}

	@RestController
	static class EventHandler {

		final List<CoboEvent> handled = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger failuresToCome = new AtomicInteger();

		volatile CountDownLatch blockUntil = new CountDownLatch(0);

		@PostMapping("/cobo/events")
		String on(@VerifiedCoboDelivery CoboEvent event) throws InterruptedException {
			this.calls.incrementAndGet();
			if (this.failuresToCome.getAndDecrement() > 0) {
				throw new IllegalStateException("The handler failed");
			}
			this.blockUntil.await(10, TimeUnit.SECONDS);
			this.handled.add(event);
			return "ok";
		}

	}

}
