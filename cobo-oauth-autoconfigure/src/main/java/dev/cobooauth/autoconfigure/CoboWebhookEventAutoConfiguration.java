package dev.cobooauth.autoconfigure;

import java.util.concurrent.Executor;

import dev.cobooauth.autoconfigure.CoboProperties;
import dev.cobooauth.autoconfigure.CoboWebhookProperties;
import dev.cobooauth.signing.CoboDeliveryVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In a Spring MVC or WebFlux application, {@code @VerifiedCoboDelivery CoboEvent} parameters whose
 * handler runs once per {@code event_id} ({@link HandledCoboEvents}), and the answers to deliveries not
 * run.
 */
@AutoConfiguration(after = CoboWebhookAutoConfiguration.class,
		afterName = { "dev.cobooauth.autoconfigure.CoboHandledEventsAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@ConditionalOnBean({ HandledCoboEvents.class, CoboDeliveryReader.class, CoboDeliveryVerifier.class })
class CoboWebhookEventAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboEventAnswers coboEventAnswers() {
		return new CoboEventAnswers();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookEventWebMvcConfigurer")
		WebMvcConfigurer coboWebhookEventWebMvcConfigurer(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
				CoboWebhookProperties webhook, HandledCoboEvents events) {
			return new CoboEventOnceResolver(verifier, reader, CoboWebhookAutoConfiguration.maxBodySize(webhook),
					events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	static class ReactiveConfiguration {

		/**
		 * Declared as its class, which is both a {@link WebFluxConfigurer} and a
		 * {@code WebFilter}, so that WebFlux finds it as either. With events remembered in the
		 * database, claiming and recording block: they run on {@code coboTaskExecutor}, or Spring
		 * Boot's {@code applicationTaskExecutor}, as the verification does.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookEventWebFluxConfigurer")
		ReactiveCoboEventOnceResolver coboWebhookEventWebFluxConfigurer(CoboDeliveryVerifier verifier,
				CoboDeliveryReader reader, CoboWebhookProperties webhook, CoboProperties properties,
				HandledCoboEvents events, @Qualifier("coboTaskExecutor") ObjectProvider<Executor> coboTaskExecutor,
				@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
			return new ReactiveCoboEventOnceResolver(verifier, reader,
					CoboWebhookAutoConfiguration.maxBodySize(webhook), events,
					CoboWebhookAutoConfiguration.ReactiveConfiguration.blockingVerification(properties,
							coboTaskExecutor, applicationTaskExecutor));
		}

	}

}
