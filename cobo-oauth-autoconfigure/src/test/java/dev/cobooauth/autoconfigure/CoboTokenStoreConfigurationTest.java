package dev.cobooauth.autoconfigure;

import javax.sql.DataSource;

import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.oauth2.TokenEngineProbe;
import dev.cobooauth.oauth2.TokenLock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which token store the starter builds, from {@code cobo.token-store.*} and what the application
 * has, and when the store's table is created.
 */
class CoboTokenStoreConfigurationTest {

	private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

	private static PostgresSchema schema;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboOrgAccessTokenAutoConfiguration.class))
		.withPropertyValues("cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET);

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
		schema.dropTokenTable();
	}

	private static boolean hasTokenTable(DataSource dataSource) {
		try {
			new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM oauth2_authorized_client", Integer.class);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Test
	void keepsTokensInMemoryByDefault() {
		this.runner.run((context) -> {
			CoboTokens tokens = context.getBean(CoboTokens.class);
			assertThat(TokenEngineProbe.store(tokens)).isInstanceOf(InMemoryOAuth2AuthorizedClientService.class);
			assertThat(TokenEngineProbe.lock(tokens)).isSameAs(TokenLock.NONE);
			assertThat(context).doesNotHaveBean(TokenLock.class)
				.doesNotHaveBean("coboTokenStoreSchemaInitializer");
		});
	}

	@Test
	void keepsTokensInTheApplicationsDatabaseWithJdbc() {
		this.onPostgres.run((context) -> {
			CoboTokens tokens = context.getBean(CoboTokens.class);
			assertThat(TokenEngineProbe.store(tokens)).isInstanceOf(JdbcOAuth2AuthorizedClientService.class);
			assertThat(TokenEngineProbe.lock(tokens).getClass().getSimpleName()).isEqualTo("PostgresLeaseTokenLock");
			assertThat(TokenEngineProbe.lock(tokens)).isSameAs(context.getBean(TokenLock.class));
		});
	}

	@Test
	void stopsWithJdbcButNoDataSource() {
		this.runner.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("cobo.token-store.type is jdbc, so the token store is kept in the application's database, "
						+ "but the application has no DataSource")
				.hasMessageContaining("spring-boot-starter-jdbc"));
	}

	@Test
	void stopsWithJdbcButNoJdbcSupportOnTheClasspath() {
		this.runner.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + TestKeys.TOKEN_ENCRYPTION_KEY)
			.withClassLoader(new FilteredClassLoader(DataSourceScriptDatabaseInitializer.class))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("cobo.token-store.type is jdbc, so the token store is kept in the application's database, "
						+ "but Spring's JDBC support is not on the classpath")
				.hasMessageContaining("spring-boot-starter-jdbc"));
	}

	@Test
	void createsTheTableInAnEmbeddedDatabaseByDefault() {
		this.onH2.run((context) -> assertThat(hasTokenTable(context.getBean(DataSource.class))).isTrue());
	}

	@Test
	void leavesAServerDatabaseAloneByDefault() {
		this.onPostgres.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(schema.hasTokenTable()).isFalse();
		});
	}

	@Test
	void createsThePostgresTableWhenAlwaysAndIgnoresThatItExistsNextTime() {
		ApplicationContextRunner always = this.onPostgres.withPropertyValues("cobo.token-store.initialize-schema=always");
		always.run((first) -> assertThat(first).hasNotFailed());
		always.run((second) -> assertThat(second).hasNotFailed());

		assertThat(schema.jdbc()
			.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
					+ "AND table_name = 'oauth2_authorized_client' AND column_name = 'access_token_value'", String.class))
			.isEqualTo("bytea");
	}

	@Test
	void createsNoTableWhenNever() {
		this.onH2.withPropertyValues("cobo.token-store.initialize-schema=never")
			.run((context) -> assertThat(hasTokenTable(context.getBean(DataSource.class))).isFalse());
	}

	@Test
	void refusesAMalformedEncryptionKeyWithoutShowingIt() {
		String malformed = KEY.substring(2) + "zz";
		this.onH2.withPropertyValues("cobo.token-store.encryption-key=" + malformed)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("default message [cobo.token-store.encryption-key is not 64 hex characters")
				.hasMessageNotContaining(malformed));
	}

	@Test
	void refusesAnEncryptionKeyForTokensKeptInMemory() {
		this.runner.withPropertyValues("cobo.token-store.encryption-key=" + KEY)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("default message [cobo.token-store.encryption-key is set, but "
						+ "cobo.token-store.type is memory")
				.hasMessageNotContaining(KEY));
	}

	@Test
	void backsOffFromTheApplicationsTokenLock() {
		this.onH2.withBean(TokenLock.class, () -> TokenLock.NONE)
			.run((context) -> assertThat(TokenEngineProbe.lock(context.getBean(CoboTokens.class))).isSameAs(TokenLock.NONE));
	}

}
