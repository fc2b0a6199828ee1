package dev.cobooauth.autoconfigure;

import java.util.concurrent.Executor;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In a Spring MVC or WebFlux application, the resolver of
 * {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery} parameters over the
 * {@link CoboDeliveryVerifier} bean ({@code dev.cobooauth.autoconfigure} builds it, with the memory
 * of accepted deliveries {@code cobo.token-store.type} says), and the answer to a refused delivery.
 */
@AutoConfiguration(afterName = { "dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
class CoboWebhookAutoConfiguration {

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

		static @Nullable Executor blockingVerification(CoboProperties properties,
				ObjectProvider<Executor> coboTaskExecutor, ObjectProvider<Executor> applicationTaskExecutor) {
			if (properties.getTokenStore().getType() != CoboProperties.TokenStore.Type.JDBC) {
				return null;
			}
			Executor cobos = coboTaskExecutor.getIfAvailable();
			return (cobos != null) ? cobos : applicationTaskExecutor.getIfAvailable();
		}

	}

}
