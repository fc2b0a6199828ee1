package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one Portal App on one PostgreSQL database and one Cobo, which rotates refresh
 * tokens and refuses a spent one: together they ask Cobo exactly as often as a single instance
 * would. Instance A calls through {@code coboRestClient}, instance B through {@code coboWebClient},
 * so both stacks' locked sections meet.
 */
class ClusteredTokenStoreTest {

	private static PostgresSchema schema;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final MutableClock clock = MutableClock.startingNow();

	private final RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(200));

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
		this.server.setDispatcher(this.cobo);
	}

	private ApplicationContextRunner instance() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					CoboSigningAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues(schema.dataSourceProperties())
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY,
					"cobo.token-store.initialize-schema=always");
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

	private static List<Object> onBothInstances(int calls, ApplicationContext a, ApplicationContext b)
			throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		return ConcurrentCalls.run(calls,
				() -> (next.getAndIncrement() % 2 == 0) ? servletCall(a, "org-1") : reactiveCall(b, "org-1"));
	}

	@Test
	void twoInstancesAskForAFreshOrgsTokenOnce() {
		instance().run((a) -> instance().run((b) -> {
			List<Object> outcomes = onBothInstances(200, a, b);

			assertThat(outcomes).allMatch("{}"::equals);
			assertThat(this.cobo.orgImplicitGrants()).isEqualTo(1);
			assertThat(this.cobo.calls()).isEqualTo(200);
		}));
	}

	@Test
	void twoInstancesRefreshAnExpiredTokenOnceWithoutInvalidGrant() {
		instance().run((a) -> instance().run((b) -> {
			servletCall(a, "org-1");
			this.clock.advance(Duration.ofHours(12));

			List<Object> outcomes = onBothInstances(200, a, b);

			assertThat(outcomes).allMatch("{}"::equals);
			assertThat(this.cobo.refreshes()).isEqualTo(1);
			assertThat(this.cobo.invalidGrants()).isZero();
			assertThat(this.cobo.orgImplicitGrants()).isEqualTo(1);
		}));
	}

	@Test
	void theNextExpiryIsRefreshedOnceMoreWithTheRotatedRefreshToken() {
		instance().run((a) -> instance().run((b) -> {
			servletCall(a, "org-1");
			for (int expiry = 1; expiry <= 2; expiry++) {
				this.clock.advance(Duration.ofHours(12));
				onBothInstances(40, a, b);
			}

			assertThat(this.cobo.refreshes()).isEqualTo(2);
			assertThat(this.cobo.invalidGrants()).isZero();
			assertThat(this.cobo.orgImplicitGrants()).isEqualTo(1);
		}));
	}

	@Test
	void aRestartedInstanceReusesTheStoredToken() {
		instance().run((first) -> servletCall(first, "org-1"));
		instance().run((restarted) -> {
			reactiveCall(restarted, "org-1");
			servletCall(restarted, "org-1");
		});

		assertThat(this.cobo.orgImplicitGrants()).isEqualTo(1);
		assertThat(this.cobo.refreshes()).isZero();
		assertThat(this.cobo.calls()).isEqualTo(3);
	}

}
