package dev.cobooauth.samples.portal;

import java.util.UUID;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample runs clustered as it is: {@code --cobo.token-store.type=jdbc} and the standard
 * {@code spring.datasource.*} properties put its tokens in PostgreSQL (the machine's real server, a
 * schema of this test's own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cobo.token-store.type=jdbc",
				"cobo.token-store.encryption-key=6b1d0c4e9a8f7e6d5c4b3a2918070605f4e3d2c1b0a99887766554433221100f",
				"cobo.token-store.initialize-schema=always" })
class ClusteredTokenStoreTest {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final String SCHEMA = "portal_sample_" + UUID.randomUUID().toString().replace("-", "");

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		admin().execute("CREATE SCHEMA " + SCHEMA);
		registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
	}

	@AfterAll
	static void dropSchema() {
		admin().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
	}

	private static JdbcTemplate admin() {
		return new JdbcTemplate(new SingleConnectionDataSource(SERVER, "postgres", "", true));
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
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
	}

}
