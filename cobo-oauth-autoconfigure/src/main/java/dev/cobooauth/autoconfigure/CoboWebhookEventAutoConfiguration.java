package dev.cobooauth.autoconfigure;

import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.webhook.CoboWebhookServer;
import dev.cobooauth.webhook.HandledCoboEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In a Spring MVC or WebFlux application whose deliveries {@link CoboWebhookAutoConfiguration}
 * verifies, {@code @VerifiedCoboDelivery CoboEvent} parameters whose handler runs once per
 * {@code event_id} ({@link HandledCoboEvents}), and the answers to deliveries not run.
 */
@AutoConfiguration(after = { CoboWebhookAutoConfiguration.class, CoboHandledEventsAutoConfiguration.class,
		TaskExecutionAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@ConditionalOnBean({ HandledCoboEvents.class, CoboDeliveryVerifier.class })
public final class CoboWebhookEventAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboWebhookServer.EventAnswers coboEventAnswers() {
		return CoboWebhookServer.eventAnswers();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	@ConditionalOnBean(name = CoboWebhookAutoConfiguration.WEB_MVC_CONFIGURER)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookEventWebMvcConfigurer")
		WebMvcConfigurer coboWebhookEventWebMvcConfigurer(CoboDeliveryVerifier verifier,
				ObjectProvider<JsonMapper> json, CoboWebhookProperties webhook, HandledCoboEvents events) {
			return CoboWebhookServer.eventResolver(verifier, CoboWebhookAutoConfiguration.json(json),
					CoboWebhookAutoConfiguration.maxBodySize(webhook), events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	@ConditionalOnBean(name = CoboWebhookAutoConfiguration.WEB_FLUX_CONFIGURER)
	@ConditionalOnMissingBean(name = ReactiveConfiguration.RESOLVER)
	static class ReactiveConfiguration {

		/** The resolver and its filter go together: an application's own resolver comes with its own filter. */
		static final String RESOLVER = "coboWebhookEventWebFluxConfigurer";

		/**
		 * With events remembered in the database, claiming and recording block: they run on
		 * {@code coboTaskExecutor}, or Spring Boot's {@code applicationTaskExecutor}, as the
		 * verification does.
		 */
		@Bean(RESOLVER)
		WebFluxConfigurer coboWebhookEventWebFluxConfigurer(CoboDeliveryVerifier verifier,
				ObjectProvider<JsonMapper> json, CoboWebhookProperties webhook, CoboProperties properties,
				HandledCoboEvents events,
				@Qualifier(CoboTokensConfiguration.TASK_EXECUTOR) ObjectProvider<Executor> coboTaskExecutor,
				@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor) {
			return CoboWebhookServer.reactiveEventResolver(verifier, CoboWebhookAutoConfiguration.json(json),
					CoboWebhookAutoConfiguration.maxBodySize(webhook), events, CoboWebhookAutoConfiguration
						.blockingVerification(properties, coboTaskExecutor, applicationTaskExecutor));
		}

		/** Records or releases, when the exchange ends, the event the resolver claimed. */
		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookEventWebFilter")
		WebFilter coboWebhookEventWebFilter(@Qualifier(RESOLVER) WebFluxConfigurer resolver) {
			return CoboWebhookServer.reactiveEventFilter(resolver);
		}

	}

}
