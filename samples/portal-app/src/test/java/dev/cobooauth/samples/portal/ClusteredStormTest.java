package dev.cobooauth.samples.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.Rejection;
import dev.cobooauth.test.SimulatorCredentials;
import dev.cobooauth.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 2, end to end: two instances of the sample on one PostgreSQL database and one app
 * key, behind a simulator that refuses a replayed nonce and signature, each hit by a storm of 100
 * identical {@code GET /orgs/org-acme/wallets} right at the token's refresh. Every call succeeds,
 * the token is refreshed once, and no request is refused as a replay: each instance leased a nonce
 * slot of its own in the database (and a request Cobo refused as a replay would never be mistaken
 * for a dead token).
 */
class ClusteredStormTest {

	private static final String SCHEMA = "portal_storm_" + UUID.randomUUID().toString().replace("-", "");

	private static final String CLIENT_ID = "sample-portal-app";

	private static final int STORM = 100;

	private static CoboSimulator sim;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() {
		admin().execute("CREATE SCHEMA " + SCHEMA);
		sim = CoboSimulator.start();
		SimulatorCredentials credentials = SimulatorCredentials.register(sim, CLIENT_ID, List.of("org-acme"));
		instances.add(start(credentials));
		instances.add(start(credentials));
	}

	private static ConfigurableApplicationContext start(SimulatorCredentials credentials) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--cobo.token-store.type=jdbc",
				"--cobo.token-store.initialize-schema=always",
				"--cobo.token-store.encryption-key=6b1d0c4e9a8f7e6d5c4b3a2918070605f4e3d2c1b0a99887766554433221100f",
				"--spring.datasource.url=" + TestDatabase.get().url(SCHEMA),
				"--spring.datasource.username=" + TestDatabase.get().user(),
				"--spring.datasource.password=" + TestDatabase.get().password(), "--server.tomcat.threads.max=200"));
		credentials.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
		// The starter's token clock follows the simulator's, so that its time moves both.
		return new SpringApplicationBuilder(PortalApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("coboClock", sim.clock()))
			.run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stopEverything() {
		instances.forEach(ConfigurableApplicationContext::close);
		if (sim != null) {
			sim.close();
		}
		admin().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(TestDatabase.get().dataSource(TestDatabase.get().url()));
	}

	private static RestClient portal(ConfigurableApplicationContext instance) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return RestClient.builder().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void twoStormsOfIdenticalCallsAtTheRefreshAllSucceedWithOneRefresh() throws Exception {
		RestClient first = portal(instances.get(0));
		RestClient second = portal(instances.get(1));
		first.get().uri("/orgs/org-acme/wallets").retrieve().toBodilessEntity();
		sim.resetCounters();
		// 30 s left of a 60 s margin: every call waits for the refresh.
		sim.advanceTime(Duration.ofSeconds(43199 - 30));

		List<HttpStatusCode> statuses = storm(first, second);

		assertThat(statuses).hasSize(2 * STORM).allMatch(HttpStatusCode::is2xxSuccessful);
		assertThat(sim.counters().grant(Grant.REFRESH_TOKEN)).isEqualTo(1);
		assertThat(sim.counters().grant(Grant.ORG_IMPLICIT)).isZero();
		assertThat(sim.counters().rejections(Rejection.REPLAYED_REQUEST)).isZero();
	}

	private static List<HttpStatusCode> storm(RestClient first, RestClient second) throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(2 * STORM);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpStatusCode>> calls = new ArrayList<>();
			for (int i = 0; i < 2 * STORM; i++) {
				RestClient portal = (i % 2 == 0) ? first : second;
				calls.add(callers.submit(() -> {
					start.await();
					return portal.get()
						.uri("/orgs/org-acme/wallets")
						.exchange((request, response) -> response.getStatusCode());
				}));
			}
			start.countDown();
			List<HttpStatusCode> statuses = new ArrayList<>();
			for (Future<HttpStatusCode> call : calls) {
				statuses.add(call.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void theClockOfTheStarterFollowsTheSimulator() {
		assertThat(instances.get(0).getBean("coboClock", Clock.class)).isSameAs(sim.clock());
	}

}
