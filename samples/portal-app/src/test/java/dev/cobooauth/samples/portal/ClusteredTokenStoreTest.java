package dev.cobooauth.samples.portal;

import java.util.List;
import java.util.UUID;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.testsupport.TestDatabase;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.SimulatorCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample runs clustered as it is: {@code --cobo.token-store.type=jdbc} and the standard
 * {@code spring.datasource.*} properties put its tokens in PostgreSQL (the tests' real server, see
 * TestDatabase, a schema of this test's own). A JDBC store is a deployment's, so the embedded simulator
 * does not start with it: the instance calls a simulator outside it, as every instance of a cluster would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cobo.token-store.type=jdbc",
				"cobo.token-store.encryption-key=6b1d0c4e9a8f7e6d5c4b3a2918070605f4e3d2c1b0a99887766554433221100f",
				"cobo.token-store.initialize-schema=always" })
class ClusteredTokenStoreTest {

	private static final String SCHEMA = "portal_sample_" + UUID.randomUUID().toString().replace("-", "");

	@LocalServerPort
	private int port;

	private static CoboSimulator sim;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void databaseAndCobo(DynamicPropertyRegistry registry) {
		admin().execute("CREATE SCHEMA " + SCHEMA);
		registry.add("spring.datasource.url", () -> TestDatabase.get().url(SCHEMA));
		registry.add("spring.datasource.username", () -> TestDatabase.get().user());
		registry.add("spring.datasource.password", () -> TestDatabase.get().password());
		sim = CoboSimulator.start();
		SimulatorCredentials.register(sim, "sample-portal-app", List.of("org-acme"))
			.properties()
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void dropSchemaAndStopCobo() {
		admin().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		if (sim != null) {
			sim.close();
		}
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(TestDatabase.get().dataSource(TestDatabase.get().url()));
	}

	@Test
	void keepsTheOrgsTokenInTheDatabase() {
		RestTestClient portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();

		portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
		portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();

		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM oauth2_authorized_client WHERE client_registration_id = 'cobo' AND principal_name = 'org-acme'",
				Integer.class))
			.isEqualTo(1);
		assertThat(sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
	}

}
