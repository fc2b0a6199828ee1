package dev.cobooauth.samples.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.SignedDelivery;
import dev.cobooauth.test.SimulatorCredentials;
import dev.cobooauth.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample, as it runs clustered ({@code --cobo.token-store.type=jdbc} on the
 * tests' PostgreSQL (see TestDatabase), a schema of this test's own), behind one Cobo: a signed installation
 * callback that one instance accepted is refused as a replay by the other, so an attacker who
 * captured it cannot make the second instance act on it again.
 */
class ClusteredCallbackReplayTest {

	private static final String SCHEMA = "portal_replay_" + UUID.randomUUID().toString().replace("-", "");

	private static final String CLIENT_ID = "sample-portal-app";

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
				"--cobo.token-store.encryption-key=6b1d0c4e9a8f7e6d5c4b3a2918070605f4e3d2c1b0a99887766554433221100f",
				"--cobo.token-store.initialize-schema=always",
				"--spring.datasource.url=" + TestDatabase.get().url(SCHEMA), "--spring.datasource.username=" + TestDatabase.get().user(),
				"--spring.datasource.password=" + TestDatabase.get().password()));
		credentials.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(PortalApplication.class).run(args.toArray(String[]::new));
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

	private static RestTestClient.ResponseSpec postCallback(ConfigurableApplicationContext instance,
			SignedDelivery callback) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return Deliveries.post(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build(),
				"/cobo/callbacks/app-installed", callback);
	}

	@Test
	void aCallbackOneInstanceAcceptedIsRefusedByTheOther() {
		sim.resetCounters();
		sim.installApp(CLIENT_ID, "org-umbrella");
		SignedDelivery callback = sim.signDelivery("{\"event_type\":\"app_installed\",\"org_id\":\"org-umbrella\"}");

		postCallback(instances.get(0), callback).expectStatus().isOk();

		postCallback(instances.get(1), callback).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The delivery was not accepted");
		assertThat(sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
	}

	@Test
	void eachInstanceStillAcceptsADeliveryItHasNotSeen() {
		SignedDelivery first = sim.signDelivery("{\"event_type\":\"app_installed\",\"org_id\":\"org-acme\"}");
		SignedDelivery second = sim.signDelivery("{\"event_type\":\"app_installed\",\"org_id\":\"org-acme\",\"n\":2}");

		postCallback(instances.get(0), first).expectStatus().isOk();
		postCallback(instances.get(1), second).expectStatus().isOk();
	}

}
