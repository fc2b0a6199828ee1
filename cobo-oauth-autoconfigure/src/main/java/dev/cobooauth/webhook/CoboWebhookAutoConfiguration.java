package dev.cobooauth.webhook;

import java.time.Clock;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import dev.cobooauth.autoconfigure.CoboProperties;
import dev.cobooauth.autoconfigure.CoboWebhookProperties;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Verification of Cobo's webhook events and callback messages ({@code cobo.webhook.*}): a
 * {@link CoboDeliveryVerifier} with the environment's key, and, in a Spring MVC or WebFlux
 * application, the resolver of {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery}
 * parameters and the answer to a refused delivery. Needs no key of the application's own.
 * <p>
 * Accepted deliveries are remembered where the tokens are kept: in this instance's memory, or, with
 * {@code cobo.token-store.type=jdbc}, in table {@code cobo_webhook_delivery} of the application's
 * {@code DataSource}, created as {@code cobo.token-store.initialize-schema} says, so that a replay is
 * refused by every instance. Without JDBC support or a {@code DataSource}, startup stops with what
 * to add.
 */
@AutoConfiguration(afterName = { "dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
class CoboWebhookAutoConfiguration {

	private static final String TOKEN_STORE_TYPE = "cobo.token-store.type";

	static CoboDeliveryVerifier.Builder verifier(CoboProperties properties, CoboWebhookProperties webhook,
			ObjectProvider<Clock> coboClock) {
		return CoboDeliveryVerifier.builder(deliveryKey(properties, webhook), deliveryKeySource(properties, webhook))
			.tolerance(webhook.getTolerance())
			.clock(coboClock.getIfAvailable(Clock::systemUTC));
	}

	private static String deliveryKey(CoboProperties properties, CoboWebhookProperties webhook) {
		if (hasText(webhook.getPublicKey())) {
			return webhook.getPublicKey();
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

	@Bean
	@ConditionalOnMissingBean
	CoboDeliveryReader coboDeliveryReader(ObjectProvider<JsonMapper> json) {
		return new CoboDeliveryReader(json.getIfUnique(() -> JsonMapper.builder().build()));
	}

	/** The size fits: {@link CoboWebhookProperties} refused one that does not when it was bound. */
	static int maxBodySize(CoboWebhookProperties webhook) {
		return Math.toIntExact(webhook.getMaxBodySize().toBytes());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TOKEN_STORE_TYPE, havingValue = "memory", matchIfMissing = true)
	static class InMemoryDeliveriesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryVerifier coboDeliveryVerifier(CoboProperties properties, CoboWebhookProperties webhook,
				@Qualifier("coboClock") ObjectProvider<Clock> coboClock) {
			return verifier(properties, webhook, coboClock).replayCacheSize(webhook.getReplayCacheSize()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TOKEN_STORE_TYPE, havingValue = "jdbc")
	@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
	static class JdbcDeliveriesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryStoreSchemaInitializer coboDeliveryStoreSchemaInitializer(ObjectProvider<DataSource> dataSource,
				CoboProperties properties) {
			DatabaseInitializationMode mode = DatabaseInitializationMode
				.valueOf(properties.getTokenStore().getInitializeSchema().name());
			return new CoboDeliveryStoreSchemaInitializer(dataSource(dataSource), mode);
		}

		/**
		 * @param initializer taken so that the table exists before the first delivery is checked
		 */
		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryVerifier coboDeliveryVerifier(CoboProperties properties, CoboWebhookProperties webhook,
				@Qualifier("coboClock") ObjectProvider<Clock> coboClock, ObjectProvider<DataSource> dataSource,
				CoboDeliveryStoreSchemaInitializer initializer) {
			return verifier(properties, webhook, coboClock).jdbcReplayStore(dataSource(dataSource)).build();
		}

		private static DataSource dataSource(ObjectProvider<DataSource> dataSource) {
			DataSource unique = dataSource.getIfUnique();
			if (unique == null) {
				throw new IllegalStateException(TOKEN_STORE_TYPE + " is jdbc, so Cobo's deliveries are remembered "
						+ "in the application's database, but the application has no DataSource (or several, none "
						+ "of them primary). Add spring-boot-starter-jdbc and your database's JDBC driver and set "
						+ "spring.datasource.url, or define a DataSource bean; or set " + TOKEN_STORE_TYPE + "=memory.");
			}
			return unique;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TOKEN_STORE_TYPE, havingValue = "jdbc")
	@ConditionalOnMissingClass("org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer")
	static class WithoutJdbc {

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryVerifier coboDeliveryVerifier() {
			throw new IllegalStateException(TOKEN_STORE_TYPE + " is jdbc, so Cobo's deliveries are remembered in "
					+ "the application's database, but Spring's JDBC support is not on the classpath. Add "
					+ "spring-boot-starter-jdbc and your database's JDBC driver (e.g. org.postgresql:postgresql), or "
					+ "set " + TOKEN_STORE_TYPE + "=memory.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class AnswerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryExceptionHandler coboDeliveryExceptionHandler() {
			return new CoboDeliveryExceptionHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ WebMvcConfigurer.class, HandlerMethodArgumentResolver.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookWebMvcConfigurer")
		WebMvcConfigurer coboWebhookWebMvcConfigurer(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
				CoboWebhookProperties webhook) {
			return new VerifiedCoboDeliveryArgumentResolver(verifier, reader, maxBodySize(webhook));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	static class ReactiveConfiguration {

		/**
		 * With deliveries remembered in the database, the check blocks: it runs on
		 * {@code coboTaskExecutor}, as the token store's reads do, or, in an application without
		 * tokens, on Spring Boot's {@code applicationTaskExecutor}.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookWebFluxConfigurer")
		WebFluxConfigurer coboWebhookWebFluxConfigurer(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
				CoboWebhookProperties webhook, CoboProperties properties,
				@Qualifier("coboTaskExecutor") ObjectProvider<Executor> coboTaskExecutor,
				@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
			return new ReactiveVerifiedCoboDeliveryArgumentResolver(verifier, reader, maxBodySize(webhook),
					blockingVerification(properties, coboTaskExecutor, applicationTaskExecutor));
		}

		private static @Nullable Executor blockingVerification(CoboProperties properties,
				ObjectProvider<Executor> coboTaskExecutor, ObjectProvider<Executor> applicationTaskExecutor) {
			if (properties.getTokenStore().getType() != CoboProperties.TokenStore.Type.JDBC) {
				return null;
			}
			Executor cobos = coboTaskExecutor.getIfAvailable();
			return (cobos != null) ? cobos : applicationTaskExecutor.getIfAvailable();
		}

	}

}
