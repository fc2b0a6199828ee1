package dev.cobooauth.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.cobooauth.autoconfigure.CoboAutoConfigurations;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.transactions.CoboTransaction;
import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code @VerifiedCoboDelivery CoboEvent} on Spring MVC: the event typed, its handler run once per
 * {@code event_id} however many times and with whatever signature it is delivered, nothing recorded
 * when the handler throws; in memory, and on PostgreSQL shared by two instances that receive the same
 * event at the same time.
 */
class CoboEventOnceTest {

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

	static WebApplicationContextRunner application() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					DataSourceAutoConfiguration.class, CoboAutoConfigurations.SIGNING,
					CoboAutoConfigurations.DELIVERY_VERIFIER, CoboWebhookAutoConfiguration.class,
					CoboAutoConfigurations.HANDLED_EVENTS, CoboWebhookEventAutoConfiguration.class))
			.withUserConfiguration(EventHandler.class)
			.withPropertyValues(CoboWebhookContract.COBO);
	}

	private WebApplicationContextRunner inMemory() {
		return application().withBean("coboClock", Clock.class, () -> this.clock);
	}

	private WebApplicationContextRunner onPostgres() {
		return inMemory().withPropertyValues(schema.dataSourceProperties())
			.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.initialize-schema=always",
				"cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY);
	}

	@Test
	void givesTheTransactionOfATransactionEventTyped() {
		inMemory().run((context) -> {
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
		inMemory().run((context) -> {
			deliver(context, "{\"event_id\":\"e-2\",\"type\":\"wallets.addresses.created\",\"created_timestamp\":1,"
					+ "\"data\":{\"data_type\":\"Addresses\",\"addresses\":[]},\"retries_left\":10}");

			CoboEvent event = handler(context).handled.get(0);
			assertThat(event.transaction()).isNull();
			assertThat(event.data().get("data_type").asString()).isEqualTo("Addresses");
		});
	}

	@Test
	void runsTheHandlerOncePerEventIdHoweverOftenItIsDeliveredAndSigned() {
		inMemory().run((context) -> {
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
		inMemory().run((context) -> {
			String event = transactionEvent("e-4");
			handler(context).failuresToCome.set(1);

			assertThatIllegalStateException().isThrownBy(() -> deliver(context, event))
				.withRootCauseInstanceOf(IllegalStateException.class);
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
		inMemory().withPropertyValues("cobo.webhook.event-retention=1h").run((context) -> {
			String event = transactionEvent("e-5");
			deliver(context, event);
			this.clock.advance(Duration.ofHours(1).plusMinutes(2));

			deliver(context, event);

			assertThat(handler(context).handled).hasSize(2);
		});
	}

	@Test
	void twoInstancesOnPostgresReceivingOneEventAtOnceRunTheHandlerOnce() {
		onPostgres().run((first) -> onPostgres().run((second) -> {
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
		onPostgres().run((first) -> onPostgres().run((second) -> {
			String event = transactionEvent("e-7");
			handler(first).failuresToCome.set(1);

			assertThatIllegalStateException().isThrownBy(() -> deliver(first, event));
			assertThat(schema.jdbc().queryForObject("SELECT COUNT(*) FROM cobo_webhook_event", Integer.class)).isZero();
			assertThat(deliver(second, event).status()).isEqualTo(200);

			assertThat(handler(second).handled).hasSize(1);
			assertThat(deliver(first, event).status()).isEqualTo(200);
			assertThat(handler(first).handled).isEmpty();
		}));
	}

	@Test
	void deletesRowsOnPostgresOnceTheRetentionHasPassed() {
		onPostgres().withPropertyValues("cobo.webhook.event-retention=1h").run((context) -> {
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
		return ServletCoboWebhookTest.postTo(context, "/cobo/events", headers, body);
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
