package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookAutoConfiguration;
import java.time.Duration;

import javax.sql.DataSource;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.signing.DeliveryVerifierProbe;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the verifier remembers deliveries, from {@code cobo.token-store.*} and what the application
 * has, and when the table of {@code cobo.token-store.type=jdbc} is created: as the token table is.
 */
class CoboDeliveryStoreConfigurationTest {

	private static PostgresSchema schema;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class, CoboDeliveryVerifierAutoConfiguration.class,
				CoboWebhookAutoConfiguration.class))
		.withPropertyValues("cobo.webhook.public-key=" + TestKeys.coboPublicKey());

	private final ApplicationContextRunner onH2 = this.runner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY);

	private final ApplicationContextRunner onPostgres = this.onH2.withPropertyValues(schema.dataSourceProperties());

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create();
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void startWithoutTable() {
		schema.jdbc().execute("DROP TABLE IF EXISTS cobo_webhook_delivery");
	}

	private static boolean hasDeliveryTable(DataSource dataSource) {
		try {
			new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM cobo_webhook_delivery", Integer.class);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Test
	void remembersDeliveriesInMemoryByDefault() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class)).run((context) -> {
			assertThat(DeliveryVerifierProbe.seenDeliveries(context.getBean(CoboDeliveryVerifier.class))).isEqualTo("InMemorySeenDeliveries");
			assertThat(context).doesNotHaveBean("coboDeliveryStoreSchemaInitializer");
		});
	}

	@Test
	void remembersDeliveriesInTheApplicationsDatabaseWithJdbc() {
		this.onPostgres.run((context) -> {
			CoboDeliveryVerifier verifier = context.getBean(CoboDeliveryVerifier.class);
			assertThat(DeliveryVerifierProbe.seenDeliveries(verifier)).isEqualTo("JdbcSeenDeliveries");
			assertThat(verifier.getTolerance()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void stopsWithJdbcButNoDataSource() {
		this.runner.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("cobo.token-store.type is jdbc, so the memory of accepted webhook deliveries "
						+ "is kept in the application's database, but the application has no DataSource")
				.hasMessageContaining("spring-boot-starter-jdbc"));
	}

	@Test
	void stopsWithJdbcButNoJdbcSupportOnTheClasspath() {
		this.runner.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY)
			.withClassLoader(new FilteredClassLoader(DataSourceScriptDatabaseInitializer.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("but Spring's JDBC support is not on the classpath")
				.hasMessageContaining("spring-boot-starter-jdbc"));
	}

	@Test
	void startsWithoutSpringsJdbcSupportWhenDeliveriesAreInMemory() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.jdbc", "org.springframework.boot.jdbc"))
			.run((context) -> assertThat(DeliveryVerifierProbe.seenDeliveries(context.getBean(CoboDeliveryVerifier.class)))
				.isEqualTo("InMemorySeenDeliveries"));
	}

	@Test
	void createsTheTableInAnEmbeddedDatabaseByDefault() {
		this.onH2.run((context) -> assertThat(hasDeliveryTable(context.getBean(DataSource.class))).isTrue());
	}

	@Test
	void leavesAServerDatabaseAloneByDefault() {
		this.onPostgres.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(hasDeliveryTable(schema.jdbc().getDataSource())).isFalse();
		});
	}

	@Test
	void createsThePostgresTableWhenAlwaysAndIgnoresThatItExistsNextTime() {
		ApplicationContextRunner always = this.onPostgres.withPropertyValues("cobo.token-store.initialize-schema=always");
		always.run((first) -> assertThat(first).hasNotFailed());
		always.run((second) -> assertThat(second).hasNotFailed());

		assertThat(schema.jdbc()
			.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
					+ "AND tablename = 'cobo_webhook_delivery' ORDER BY indexname", String.class))
			.containsExactly("cobo_webhook_delivery_forget_at", "cobo_webhook_delivery_pkey");
	}

	@Test
	void createsTheTableWithTheStandardScriptWhenAlwaysOnAnotherDatabase() {
		ApplicationContextRunner always = this.onH2.withPropertyValues("cobo.token-store.initialize-schema=always",
				"spring.datasource.url=jdbc:h2:mem:deliveries;DB_CLOSE_DELAY=-1");
		always.run((first) -> assertThat(hasDeliveryTable(first.getBean(DataSource.class))).isTrue());
		always.run((second) -> assertThat(second).hasNotFailed());
	}

	@Test
	void createsNoTableWhenNever() {
		this.onH2.withPropertyValues("cobo.token-store.initialize-schema=never")
			.run((context) -> assertThat(hasDeliveryTable(context.getBean(DataSource.class))).isFalse());
	}

	@Test
	void backsOffFromTheApplicationsOwnVerifier() {
		CoboDeliveryVerifier own = CoboDeliveryVerifier.builder(TestKeys.coboPublicKey(), "test").build();
		this.onH2.withBean(CoboDeliveryVerifier.class, () -> own)
			.run((context) -> assertThat(context.getBean(CoboDeliveryVerifier.class)).isSameAs(own));
	}

}
