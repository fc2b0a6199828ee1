package dev.cobooauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.NonceSlots;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application sharing one app key and one PostgreSQL database
 * ({@code cobo.token-store.type=jdbc}) send storms of identical signed requests at the same moment
 * to a server that counts every (nonce, signature) pair it sees more than once, as Cobo refuses
 * them. With their leased nonce slots no pair repeats; with the random slot of earlier versions,
 * drawn alike by both instances, many do.
 */
class ClusteredNonceStormTest {

	private static final int THREADS = 4;

	private static final int REQUESTS_PER_THREAD = 50;

	private static PostgresSchema schema;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final StrictCobo cobo = new StrictCobo();

	private final ApplicationContextRunner instance = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboOrgAccessTokenAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET,
				"cobo.token-store.initialize-schema=always")
		.withPropertyValues(TestKeys.JDBC_TOKEN_STORE);

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create();
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void serve() {
		this.server.setDispatcher(this.cobo);
	}

	private ApplicationContextRunner instance() {
		return this.instance.withPropertyValues(schema.dataSourceProperties())
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());
	}

	@Test
	void twoInstancesSharingAKeyNeverSendTheSameNonceAndSignature() {
		instance().run((first) -> instance().run((second) -> {
			assertThat(first.getBean(NonceSlots.class).current())
				.isNotEqualTo(second.getBean(NonceSlots.class).current())
				.isNotEqualTo(NonceSlots.NONE);

			storm(client(first.getBean(CoboEndpoint.class), first.getBean("coboAppKeySigner", CoboSigner.class)),
					client(second.getBean(CoboEndpoint.class), second.getBean("coboAppKeySigner", CoboSigner.class)));
		}));

		assertThat(this.cobo.seen.size()).isEqualTo(2 * THREADS * REQUESTS_PER_THREAD);
		assertThat(this.cobo.replays.get()).isZero();
	}

	@Test
	void twoInstancesInTheSameRandomSlotSendTheSameNonceAndSignature() throws Exception {
		// What the instances did before they leased slots, when their random starts were alike.
		NonceSlots sameSlot = () -> 7;
		CoboSigner key = TestKeys.signer(TestKeys.APP_SECRET, dev.cobooauth.signing.KeyType.ED25519);

		storm(client(endpoint(sameSlot), key), client(endpoint(sameSlot), key));

		assertThat(this.cobo.replays.get()).isPositive();
	}

	private CoboEndpoint endpoint(NonceSlots slots) {
		return CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.nonceSlots(slots)
			.build();
	}

	private static RestClient client(CoboEndpoint endpoint, CoboSigner key) {
		return RestClient.builder().apply(CoboRestClientConfigurer.forApiKey(endpoint, key)).build();
	}

	/** Each instance sends the same GET from several threads, all starting together. */
	private static void storm(RestClient... instances) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS * instances.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> sent = new ArrayList<>();
			for (RestClient client : instances) {
				for (int t = 0; t < THREADS; t++) {
					sent.add(pool.submit(() -> {
						start.await();
						for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
							client.get().uri("/wallets").retrieve().toBodilessEntity();
						}
						return null;
					}));
				}
			}
			start.countDown();
			for (Future<?> each : sent) {
				each.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Answers every request, and counts those whose nonce and signature it saw before. */
	static final class StrictCobo extends Dispatcher {

		final Map<String, Boolean> seen = new ConcurrentHashMap<>();

		final AtomicInteger replays = new AtomicInteger();

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			String pair = request.getHeaders().get("BIZ-API-NONCE") + "/"
					+ request.getHeaders().get("BIZ-API-SIGNATURE");
			if (this.seen.putIfAbsent(pair, Boolean.TRUE) != null) {
				this.replays.incrementAndGet();
			}
			return SignedResponses.signed(200, "{}");
		}

	}

}
