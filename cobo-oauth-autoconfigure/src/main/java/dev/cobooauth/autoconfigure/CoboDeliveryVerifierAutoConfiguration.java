package dev.cobooauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.signing.CryptoProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link CoboDeliveryVerifier} of Cobo's webhook events and callback messages
 * ({@code cobo.webhook.*}), with the environment's key (or {@code cobo.webhook.public-key}) and the
 * {@code coboClock}. Needs no key of the application's own.
 * <p>
 * Accepted deliveries are remembered where the tokens are kept: in this instance's memory, or, with
 * {@code cobo.token-store.type=jdbc}, in table {@code cobo_webhook_delivery} of the application's
 * {@code DataSource}, created as {@code cobo.token-store.initialize-schema} says, so that a replay is
 * refused by every instance. Without JDBC support or a {@code DataSource}, startup stops with what
 * to add. The Spring MVC and WebFlux glue is assembled in {@code dev.cobooauth.webhook}.
 */
@AutoConfiguration(after = CoboSigningAutoConfiguration.class,
		afterName = OptionalBootAutoConfigurations.DATA_SOURCE)
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
public final class CoboDeliveryVerifierAutoConfiguration {

	private static final String DELIVERIES = "the memory of accepted webhook deliveries";

	static CoboDeliveryVerifier.Builder verifier(CoboProperties properties, CoboWebhookProperties webhook,
			ObjectProvider<Clock> coboClock, ObjectProvider<CryptoProvider> cryptoProvider) {
		return CoboDeliveryVerifier.builder(deliveryKey(properties, webhook), deliveryKeySource(properties, webhook))
			.cryptoProvider(cryptoProvider.getIfAvailable(() -> CryptoProvider.AUTO))
			.tolerance(webhook.getTolerance())
			.clock(coboClock.getIfAvailable(Clock::systemUTC));
	}

	private static String deliveryKey(CoboProperties properties, CoboWebhookProperties webhook) {
		String webhookKey = webhook.getPublicKey();
		if (hasText(webhookKey)) {
			return webhookKey;
		}
		String responseKey = properties.getResponseVerification().getPublicKey();
		return hasText(responseKey) ? responseKey : properties.getEnv().getResponsePublicKeyHex();
	}

	private static String deliveryKeySource(CoboProperties properties, CoboWebhookProperties webhook) {
		if (hasText(webhook.getPublicKey())) {
			return "cobo.webhook.public-key";
		}
		return hasText(properties.getResponseVerification().getPublicKey()) ? "cobo.response-verification.public-key"
				: "cobo.env";
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = JdbcStores.TYPE, havingValue = "memory", matchIfMissing = true)
	static class InMemoryDeliveriesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryVerifier coboDeliveryVerifier(CoboProperties properties, CoboWebhookProperties webhook,
				@Qualifier(CoboSigningAutoConfiguration.CLOCK) ObjectProvider<Clock> coboClock,
				ObjectProvider<CryptoProvider> cryptoProvider) {
			return verifier(properties, webhook, coboClock, cryptoProvider).replayCacheSize(webhook.getReplayCacheSize()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = JdbcStores.TYPE, havingValue = "jdbc")
	@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
	static class JdbcDeliveriesConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboDeliveryStoreSchemaInitializer")
		CoboSchemaInitializer coboDeliveryStoreSchemaInitializer(ObjectProvider<DataSource> dataSource,
				CoboProperties properties) {
			return JdbcStores.initializer(JdbcStores.dataSource(dataSource, DELIVERIES), properties,
					CoboSchemaInitializer.Table.DELIVERIES);
		}

		/**
		 * @param initializer taken so that the table exists before the first delivery is checked
		 */
		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryVerifier coboDeliveryVerifier(CoboProperties properties, CoboWebhookProperties webhook,
				@Qualifier(CoboSigningAutoConfiguration.CLOCK) ObjectProvider<Clock> coboClock,
				ObjectProvider<DataSource> dataSource, ObjectProvider<CryptoProvider> cryptoProvider,
				@Qualifier("coboDeliveryStoreSchemaInitializer") CoboSchemaInitializer initializer) {
			return verifier(properties, webhook, coboClock, cryptoProvider)
				.jdbcReplayStore(JdbcStores.dataSource(dataSource, DELIVERIES))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = JdbcStores.TYPE, havingValue = "jdbc")
	@ConditionalOnMissingClass("org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer")
	static class WithoutJdbc {

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryVerifier coboDeliveryVerifier() {
			throw JdbcStores.withoutJdbc(DELIVERIES);
		}

	}

}
