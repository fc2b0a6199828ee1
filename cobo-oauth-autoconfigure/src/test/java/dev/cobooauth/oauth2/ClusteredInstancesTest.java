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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

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
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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

	// --- a due token is served from the local copy while one refresh runs ----------------------

	@Test
	void aTokenInsideItsMarginIsServedAtOnceWithoutTheDatabaseWhileItsRefreshHangsOnTheServletStack() {
		servedAtOnceWithoutTheDatabaseWhileTheRefreshHangs(ClusteredInstancesTest::servletCall);
	}

	@Test
	void aTokenInsideItsMarginIsServedAtOnceWithoutTheDatabaseWhileItsRefreshHangsOnTheReactiveStack() {
		servedAtOnceWithoutTheDatabaseWhileTheRefreshHangs(ClusteredInstancesTest::reactiveCall);
	}

	private void servedAtOnceWithoutTheDatabaseWhileTheRefreshHangs(BiFunction<ApplicationContext, String, String> call) {
		instance().run((instance) -> {
			call.apply(instance, "org-1");
			String current = this.cobo.lastBearer();
			// 45 s left of a 60 s clock skew: due, and servable while refreshed.
			this.clock.advance(Duration.ofSeconds(43199 - 45));
			this.cobo.hold();
			Thread caller = Thread.currentThread();
			int borrowedByCaller = database(instance).borrowedOn(caller);

			long started = System.nanoTime();
			assertThat(call.apply(instance, "org-1")).isEqualTo("{}");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
			assertThat(this.cobo.lastBearer()).isEqualTo(current);
			assertThat(database(instance).borrowedOn(caller)).isEqualTo(borrowedByCaller);

			// The one refresh now waits for Cobo, holding no connection: no call borrows one either.
			this.cobo.awaitHeldTokenRequest();
			int borrowed = database(instance).borrowed();
			for (int i = 0; i < 10; i++) {
				started = System.nanoTime();
				assertThat(call.apply(instance, "org-1")).isEqualTo("{}");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
				assertThat(this.cobo.lastBearer()).isEqualTo(current);
			}
			assertThat(database(instance).borrowed()).isEqualTo(borrowed);
			assertThat(this.cobo.heldTokenRequests()).isOne();

			this.cobo.open();
			Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
				call.apply(instance, "org-1");
				assertThat(this.cobo.lastBearer()).isNotEqualTo(current);
			});
			assertThat(this.cobo.rotating.refreshes()).isOne();
		});
	}

	@Test
	void bothInstancesServeTheirDueCopiesWhileOneRefreshRunsForTheCluster() {
		instance().run((a) -> instance().run((b) -> {
			servletCall(a, "org-1");
			reactiveCall(b, "org-1");
			String current = this.cobo.lastBearer();
			this.clock.advance(Duration.ofSeconds(43199 - 45));

			Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
				servletCall(a, "org-1");
				String seenFromA = this.cobo.lastBearer();
				reactiveCall(b, "org-1");
				String seenFromB = this.cobo.lastBearer();
				assertThat(seenFromA).isNotEqualTo(current);
				assertThat(seenFromB).isEqualTo(seenFromA);
			});

			assertThat(this.cobo.rotating.refreshes()).isOne();
			assertThat(this.cobo.rotating.invalidGrants()).isZero();
			assertThat(this.cobo.rotating.orgImplicitGrants()).isOne();
		}));
	}

	@Test
	void aTokenInsideItsMarginIsServedWhenTheExecutorRefusesItsRefreshOnTheServletStack() {
		servedWhenTheExecutorRefusesTheRefresh(ClusteredInstancesTest::servletCall);
	}

	@Test
	void aTokenInsideItsMarginIsServedWhenTheExecutorRefusesItsRefreshOnTheReactiveStack() {
		servedWhenTheExecutorRefusesTheRefresh(ClusteredInstancesTest::reactiveCall);
	}

	private void servedWhenTheExecutorRefusesTheRefresh(BiFunction<ApplicationContext, String, String> call) {
		RefusingExecutor executor = new RefusingExecutor();
		instance().withBean("coboTaskExecutor", AsyncTaskExecutor.class, () -> executor).run((instance) -> {
			call.apply(instance, "org-1");
			String current = this.cobo.lastBearer();
			this.clock.advance(Duration.ofSeconds(43199 - 45));
			executor.refusing.set(true);

			assertThat(call.apply(instance, "org-1")).isEqualTo("{}");
			assertThat(this.cobo.lastBearer()).isEqualTo(current);

			executor.refusing.set(false);
			Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
				call.apply(instance, "org-1");
				assertThat(this.cobo.lastBearer()).isNotEqualTo(current);
			});
			assertThat(this.cobo.rotating.refreshes()).isOne();
		});
	}

	/**
	 * Cobo as {@link RotatingTokenServer}, whose token requests can be held until the gate opens.
	 */
	private static final class GatedCobo extends Dispatcher {

		final RotatingTokenServer rotating;

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private final AtomicInteger held = new AtomicInteger();

		private final AtomicReference<String> lastBearer = new AtomicReference<>();

		GatedCobo(RotatingTokenServer rotating) {
			this.rotating = rotating;
		}

		void hold() {
			this.held.set(0);
			this.gate = new CountDownLatch(1);
		}

		/** @return how many token requests arrived since {@link #hold} */
		int heldTokenRequests() {
			return this.held.get();
		}

		/** @return the {@code Authorization} header of the last WaaS call */
		String lastBearer() {
			return this.lastBearer.get();
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
			else {
				this.lastBearer.set(request.getHeaders().get("Authorization"));
			}
			return this.rotating.dispatch(request);
		}

	}

	/**
	 * The application's executor with a bounded queue that is full: it refuses every task while
	 * {@link #refusing} is set.
	 */
	private static final class RefusingExecutor extends SimpleAsyncTaskExecutor implements Executor {

		final AtomicBoolean refusing = new AtomicBoolean();

		RefusingExecutor() {
			super("cobo-test-");
		}

		@Override
		public void execute(Runnable task) {
			if (this.refusing.get()) {
				throw new RejectedExecutionException("queue full");
			}
			super.execute(task);
		}

	}

	/**
	 * The application's pool, counting the connections borrowed from it, and when each one not yet
	 * given back was borrowed.
	 */
	static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger borrowed = new AtomicInteger();

		private final Map<Thread, AtomicInteger> borrowedOn = new ConcurrentHashMap<>();

		private final Map<Connection, Long> openSince = new ConcurrentHashMap<>();

		CountingDataSource(DataSource pool) {
			super(pool);
		}

		int borrowed() {
			return this.borrowed.get();
		}

		/** @return how many connections that thread asked for */
		int borrowedOn(Thread thread) {
			AtomicInteger count = this.borrowedOn.get(thread);
			return (count != null) ? count.get() : 0;
		}

		/** @return how many connections are borrowed and not given back since longer than that */
		long heldLongerThan(Duration duration) {
			long borrowedBefore = System.nanoTime() - duration.toNanos();
			return this.openSince.values().stream().filter((since) -> since < borrowedBefore).count();
		}

		@Override
		public Connection getConnection() throws SQLException {
			askedFor();
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			askedFor();
			return counted(super.getConnection(username, password));
		}

		private void askedFor() {
			this.borrowedOn.computeIfAbsent(Thread.currentThread(), (thread) -> new AtomicInteger()).incrementAndGet();
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
