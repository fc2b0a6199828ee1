package dev.cobooauth.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import dev.cobooauth.webhook.HandledCoboEvents;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The memory of handled webhook events ({@link HandledCoboEvents}), by {@code event_id}, kept
 * {@code cobo.webhook.event-retention}: in memory, or with {@code cobo.token-store.type=jdbc} in table
 * {@code cobo_webhook_event} of the application's {@code DataSource}, created as
 * {@code cobo.token-store.initialize-schema} says, so that every instance handles an event once. The
 * Spring MVC and WebFlux glue is assembled in {@code dev.cobooauth.webhook}.
 */
@AutoConfiguration(after = CoboDeliveryVerifierAutoConfiguration.class,
		afterName = OptionalBootAutoConfigurations.DATA_SOURCE)
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
public final class CoboHandledEventsAutoConfiguration {

	private static final String EVENTS = "the memory of handled webhook events";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = JdbcStores.TYPE, havingValue = "memory", matchIfMissing = true)
	static class InMemoryEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HandledCoboEvents coboHandledEvents(CoboWebhookProperties webhook,
				@Qualifier(CoboSigningAutoConfiguration.CLOCK) ObjectProvider<Clock> coboClock) {
			return HandledCoboEvents.inMemory(webhook.getEventRetention(), coboClock.getIfAvailable(Clock::systemUTC));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = JdbcStores.TYPE, havingValue = "jdbc")
	@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
	static class JdbcEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookEventSchemaInitializer")
		CoboSchemaInitializer coboWebhookEventSchemaInitializer(ObjectProvider<DataSource> dataSource,
				CoboProperties properties) {
			return JdbcStores.initializer(JdbcStores.dataSource(dataSource, EVENTS), properties,
					CoboSchemaInitializer.Table.EVENTS);
		}

		/**
		 * @param initializer taken so that the table exists before the first event is claimed
		 */
		@Bean
		@ConditionalOnMissingBean
		HandledCoboEvents coboHandledEvents(CoboWebhookProperties webhook,
				@Qualifier(CoboSigningAutoConfiguration.CLOCK) ObjectProvider<Clock> coboClock,
				ObjectProvider<DataSource> dataSource,
				@Qualifier("coboWebhookEventSchemaInitializer") CoboSchemaInitializer initializer) {
			return HandledCoboEvents.jdbc(JdbcStores.dataSource(dataSource, EVENTS), webhook.getEventRetention(),
					coboClock.getIfAvailable(Clock::systemUTC));
		}

	}

}
