package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestDatabase;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one Portal App on one PostgreSQL database: the database is used, not held (no
 * pooled connection while Cobo answers a token request, a dead instance's lock released within the
 * acquire timeout), and a call with a valid token reads no database at all, on either stack.
 */
class ClusteredInstancesTest {

	private static PostgresSchema schema;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final MutableClock clock = MutableClock.startingNow();

	private final GatedCobo cobo = new GatedCobo(new RotatingTokenServer(Duration.ZERO));

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create();
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void startWithoutTokens() {
		schema.dropTokenTable();
		schema.jdbc().execute("DROP TABLE IF EXISTS cobo_token_lease");
		this.server.setDispatcher(this.cobo);
	}

	@AfterEach
	void openTheGate() {
		this.cobo.open();
	}

	private ApplicationContextRunner instance() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CoboSigningAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withBean(DataSource.class, () -> new CountingDataSource(hikari()))
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token-store.type=jdbc",
					"cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY,
					"cobo.token-store.initialize-schema=always", "cobo.token.acquire-timeout=2s",
					SignedResponses.MOVED_CLOCK_TOLERANCE);
	}

	private static HikariDataSource hikari() {
		HikariDataSource hikari = new HikariDataSource();
		hikari.setJdbcUrl(schema.url());
		hikari.setUsername(TestDatabase.get().user());
		hikari.setPassword(TestDatabase.get().password());
		hikari.setMaximumPoolSize(4);
		return hikari;
	}

	private static CountingDataSource database(ApplicationContext instance) {
		return instance.getBean(CountingDataSource.class);
	}

	private static String servletCall(ApplicationContext instance, String org) {
		return instance.getBean("coboRestClient", RestClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.body(String.class);
	}

	private static String reactiveCall(ApplicationContext instance, String org) {
		return instance.getBean("coboWebClient", WebClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	// --- the database is used, not held ------------------------------------------------------

	@Test
	void noInstanceHoldsAPooledConnectionWhileCoboAnswersATokenRequest() {
		instance().run((a) -> instance().run((b) -> {
			this.cobo.hold();
			CompletableFuture<String> asking = CompletableFuture.supplyAsync(() -> servletCall(a, "org-1"));
			CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> reactiveCall(b, "org-1"));
			this.cobo.awaitHeldTokenRequest();
			Thread.sleep(600);

			// A statement may be running (b polls for the lease), but none began before Cobo was asked.
			assertThat(database(a).heldLongerThan(Duration.ofMillis(500))).isZero();
			assertThat(database(b).heldLongerThan(Duration.ofMillis(500))).isZero();

			this.cobo.open();
			assertThat(asking.get(5, TimeUnit.SECONDS)).isEqualTo("{}");
			assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("{}");
			assertThat(this.cobo.rotating.orgImplicitGrants()).isEqualTo(1);
		}));
	}

	@Test
	void theLockOfAnInstanceThatDiedIsReleasedWithinTheAcquireTimeout() {
		instance().run((survivor) -> {
			// An instance took the lease of org-1's token and died before releasing it.
			schema.jdbc()
				.update("INSERT INTO cobo_token_lease (registration_id, principal_name, holder, expires_at) "
						+ "VALUES ('cobo', 'org-1', 'dead', clock_timestamp() + interval '2 seconds')");

			long started = System.nanoTime();
			assertThat(servletCall(survivor, "org-1")).isEqualTo("{}");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(1),
					Duration.ofSeconds(3));
			assertThat(this.cobo.rotating.orgImplicitGrants()).isEqualTo(1);
		});
	}

	// --- valid tokens cost no database round trip ----------------------------------------------

	@Test
	void aCallWithAValidTokenReadsNoDatabaseOnEitherStack() {
		instance().run((a) -> instance().run((b) -> {
			servletCall(a, "org-1");
			reactiveCall(b, "org-1");
			int readsOfA = database(a).borrowed();
			int readsOfB = database(b).borrowed();

			for (int i = 0; i < 20; i++) {
				servletCall(a, "org-1");
				reactiveCall(a, "org-1");
				servletCall(b, "org-1");
				reactiveCall(b, "org-1");
			}

			assertThat(database(a).borrowed()).isEqualTo(readsOfA);
			assertThat(database(b).borrowed()).isEqualTo(readsOfB);
			assertThat(this.cobo.rotating.calls()).isEqualTo(82);
		}));
	}

	@Test
	void aValidTokenIsHandedToAReactiveCallerOnItsOwnThread() {
		instance().run((instance) -> {
			ReactiveCoboOrgAccessTokens tokens = instance.getBean(ReactiveCoboOrgAccessTokens.class);
			tokens.getAccessToken("org-1").block();

			Thread caller = Thread.currentThread();
			assertThat(tokens.getAccessToken("org-1").map((token) -> Thread.currentThread()).block()).isSameAs(caller);
		});
	}

	@Test
	void aTokenAnotherInstanceRefreshedIsPickedUpWhenTheLocalCopyComesDue() {
		instance().run((a) -> instance().run((b) -> {
			servletCall(a, "org-1");
			reactiveCall(b, "org-1");
			this.clock.advance(Duration.ofHours(12));

			servletCall(a, "org-1");
			reactiveCall(b, "org-1");
			servletCall(b, "org-1");

			assertThat(this.cobo.rotating.refreshes()).isEqualTo(1);
			assertThat(this.cobo.rotating.invalidGrants()).isZero();
			assertThat(this.cobo.rotating.orgImplicitGrants()).isEqualTo(1);
		}));
	}

	@Test
	void aTokenAnotherInstanceReplacedIsPickedUpWhenCoboRejectsTheLocalCopy() {
		instance().run((a) -> instance().run((b) -> {
			servletCall(a, "org-1");
			reactiveCall(b, "org-1");
			this.cobo.rotating.expireIssuedTokenEarly();

			assertThat(servletCall(a, "org-1")).isEqualTo("{}");
			assertThat(reactiveCall(b, "org-1")).isEqualTo("{}");
			assertThat(servletCall(b, "org-1")).isEqualTo("{}");

			assertThat(this.cobo.rotating.refreshes()).isEqualTo(1);
			assertThat(this.cobo.rotating.orgImplicitGrants()).isEqualTo(1);
		}));
	}

	/**
	 * Cobo as {@link RotatingTokenServer}, whose token requests can be held until the gate opens.
	 */
	private static final class GatedCobo extends Dispatcher {

		final RotatingTokenServer rotating;

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private final AtomicInteger held = new AtomicInteger();

		GatedCobo(RotatingTokenServer rotating) {
			this.rotating = rotating;
		}

		void hold() {
			this.gate = new CountDownLatch(1);
		}

		void open() {
			this.gate.countDown();
		}

		void awaitHeldTokenRequest() {
			Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> this.held.get() > 0);
		}

		@Override
		public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
			if (request.getTarget().startsWith("/v2/oauth/token")) {
				this.held.incrementAndGet();
				this.gate.await(10, TimeUnit.SECONDS);
			}
			return this.rotating.dispatch(request);
		}

	}

	/**
	 * The application's pool, counting the connections borrowed from it, and when each one not yet
	 * given back was borrowed.
	 */
	static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger borrowed = new AtomicInteger();

		private final Map<Connection, Long> openSince = new ConcurrentHashMap<>();

		CountingDataSource(DataSource pool) {
			super(pool);
		}

		int borrowed() {
			return this.borrowed.get();
		}

		/** @return how many connections are borrowed and not given back since longer than that */
		long heldLongerThan(Duration duration) {
			long borrowedBefore = System.nanoTime() - duration.toNanos();
			return this.openSince.values().stream().filter((since) -> since < borrowedBefore).count();
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private Connection counted(Connection connection) {
			this.borrowed.incrementAndGet();
			this.openSince.put(connection, System.nanoTime());
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close")) {
							this.openSince.remove(connection);
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
