package dev.cobooauth.autoconfigure;

import javax.sql.DataSource;

import dev.cobooauth.oauth2.TokenLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token store of {@code cobo.token-store.type=jdbc}: Spring Security's
 * {@code JdbcOAuth2AuthorizedClientService} on the application's {@code DataSource}, its table
 * created as {@code cobo.token-store.initialize-schema} says, token values encrypted when
 * {@code cobo.token-store.encryption-key} is set, and a lock ({@code coboTokenLock}, PostgreSQL's
 * advisory lock unless the application has a {@link TokenLock} of its own) that lets one instance at
 * a time ask Cobo for a given token. Without JDBC support or a {@code DataSource}, startup stops
 * with what to add.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cobo.token-store.type", havingValue = "jdbc")
class JdbcTokenStoreConfiguration {

	private static final String TYPE = "cobo.token-store.type";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
	static class OnDataSource {

		@Bean
		@ConditionalOnMissingBean
		CoboTokenStoreSchemaInitializer coboTokenStoreSchemaInitializer(ObjectProvider<DataSource> dataSource,
				CoboProperties properties) {
			DatabaseInitializationMode mode = DatabaseInitializationMode
				.valueOf(properties.getTokenStore().getInitializeSchema().name());
			return new CoboTokenStoreSchemaInitializer(dataSource(dataSource), mode);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenLock coboTokenLock(ObjectProvider<DataSource> dataSource, CoboProperties properties) {
			return TokenLock.postgresAdvisory(dataSource(dataSource), properties.getToken().getAcquireTimeout());
		}

		/**
		 * @param initializer taken so that the table exists before the first token is stored
		 */
		@Bean
		CoboTokensBuilderCustomizer coboJdbcTokenStore(ObjectProvider<DataSource> dataSource, TokenLock coboTokenLock,
				CoboTokenStoreSchemaInitializer initializer, CoboProperties properties) {
			DataSource database = dataSource(dataSource);
			byte[] key = new CoboPropertiesMapper(properties).tokenEncryptionKey();
			return (builder) -> builder.jdbcTokenStore(database, key).tokenLock(coboTokenLock);
		}

		private static DataSource dataSource(ObjectProvider<DataSource> dataSource) {
			DataSource unique = dataSource.getIfUnique();
			if (unique == null) {
				throw new InvalidCoboPropertyException(TYPE, "is jdbc, but the application has no DataSource (or "
						+ "several, none of them primary)", "Add spring-boot-starter-jdbc and your database's JDBC "
								+ "driver and set spring.datasource.url, or define a DataSource bean; or set " + TYPE
								+ "=memory.");
			}
			return unique;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer")
	static class WithoutJdbc {

		@Bean
		CoboTokensBuilderCustomizer coboJdbcTokenStore() {
			throw new InvalidCoboPropertyException(TYPE, "is jdbc, but Spring's JDBC support is not on the classpath",
					"Add spring-boot-starter-jdbc and your database's JDBC driver (e.g. org.postgresql:postgresql), "
							+ "or set " + TYPE + "=memory.");
		}

	}

}
