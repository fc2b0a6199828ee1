package dev.cobooauth.autoconfigure;

import javax.sql.DataSource;

import dev.cobooauth.oauth2.TokenLock;
import dev.cobooauth.signing.NonceSlots;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The token store of {@code cobo.token-store.type=jdbc}: Spring Security's
 * {@code JdbcOAuth2AuthorizedClientService} on the application's {@code DataSource}, its table
 * created as {@code cobo.token-store.initialize-schema} says, token values encrypted when
 * {@code cobo.token-store.encryption-key} is set (without it, only
 * {@code cobo.token-store.allow-plaintext=true} lets it start, with a warning), and a lock
 * ({@code coboTokenLock}, a lease row in PostgreSQL's {@code cobo_token_lease} unless the application
 * has a {@link TokenLock} of its own) that lets one instance at
 * a time ask Cobo for a given token. Without JDBC support or a {@code DataSource}, startup stops
 * with what to add.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = JdbcStores.TYPE, havingValue = "jdbc")
class JdbcTokenStoreConfiguration {

	private static final Log logger = LogFactory.getLog(JdbcTokenStoreConfiguration.class);

	private static final String TOKEN_STORE = "the token store";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
	static class OnDataSource {

		@Bean
		@ConditionalOnMissingBean(name = "coboTokenStoreSchemaInitializer")
		CoboSchemaInitializer coboTokenStoreSchemaInitializer(ObjectProvider<DataSource> dataSource,
				CoboProperties properties) {
			return JdbcStores.initializer(JdbcStores.dataSource(dataSource, TOKEN_STORE), properties,
					CoboSchemaInitializer.Table.TOKENS);
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboTokenLeaseSchemaInitializer")
		CoboSchemaInitializer coboTokenLeaseSchemaInitializer(ObjectProvider<DataSource> dataSource,
				CoboProperties properties) {
			return JdbcStores.initializer(JdbcStores.dataSource(dataSource, TOKEN_STORE), properties,
					CoboSchemaInitializer.Table.TOKEN_LEASES);
		}

		/**
		 * @param initializer taken so that the lease table exists before the first lease
		 */
		/**
		 * The nonce slot of this instance, leased in {@code cobo_token_lease}, renewed on a scheduler
		 * of its own (one thread, built with Spring Boot's builder).
		 */
		@Bean
		@ConditionalOnMissingBean(NonceSlots.class)
		LeasedNonceSlots coboNonceSlots(ObjectProvider<DataSource> dataSource,
				ObjectProvider<ThreadPoolTaskSchedulerBuilder> schedulers) {
			ThreadPoolTaskScheduler scheduler = schedulers.getIfAvailable(ThreadPoolTaskSchedulerBuilder::new)
				.poolSize(1)
				.threadNamePrefix("cobo-nonce-slot-")
				.build();
			scheduler.initialize();
			return new LeasedNonceSlots(JdbcStores.dataSource(dataSource, TOKEN_STORE), scheduler,
					LeasedNonceSlots.LEASE_TIME, LeasedNonceSlots.LEASE_TIME.dividedBy(3), scheduler::shutdown);
		}

		@Bean
		@ConditionalOnMissingBean
		TokenLock coboTokenLock(ObjectProvider<DataSource> dataSource, CoboProperties properties,
				@Qualifier("coboTokenLeaseSchemaInitializer") CoboSchemaInitializer initializer) {
			return TokenLock.postgresLease(JdbcStores.dataSource(dataSource, TOKEN_STORE),
					properties.getToken().getAcquireTimeout());
		}

		/**
		 * First of the customizers, so that the application's own can still change the store or the
		 * lock.
		 * @param initializer taken so that the table exists before the first token is stored
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		CoboTokensBuilderCustomizer coboJdbcTokenStore(ObjectProvider<DataSource> dataSource, TokenLock coboTokenLock,
				@Qualifier("coboTokenStoreSchemaInitializer") CoboSchemaInitializer initializer,
				CoboProperties properties) {
			DataSource database = JdbcStores.dataSource(dataSource, TOKEN_STORE);
			byte[] key = new CoboPropertiesMapper(properties).tokenEncryptionKey();
			if (key == null) {
				logger.warn("cobo.token-store.allow-plaintext=true: every org's access and refresh tokens are stored "
						+ "in clear in oauth2_authorized_client; anyone who reads that table can call Cobo as each org. "
						+ "Set cobo.token-store.encryption-key to encrypt them.");
			}
			return (builder) -> builder.jdbcTokenStore(database, key).tokenLock(coboTokenLock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer")
	static class WithoutJdbc {

		@Bean
		CoboTokensBuilderCustomizer coboJdbcTokenStore() {
			throw JdbcStores.withoutJdbc(TOKEN_STORE);
		}

	}

}
