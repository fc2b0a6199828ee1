package dev.cobooauth.autoconfigure;

import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.webhook.CoboWebhookServer;
import org.jspecify.annotations.Nullable;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In a Spring MVC or WebFlux application, the resolver of
 * {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery} parameters over the
 * {@link CoboDeliveryVerifier} bean ({@link CoboDeliveryVerifierAutoConfiguration} builds it, with the
 * memory of accepted deliveries {@code cobo.token-store.type} says), and the answer to a refused
 * delivery. Without that bean (its auto-configuration excluded) it backs off, and
 * {@link CoboWebhookGuardAutoConfiguration} refuses every delivery instead.
 */
@AutoConfiguration(after = CoboDeliveryVerifierAutoConfiguration.class,
		afterName = OptionalBootAutoConfigurations.JACKSON)
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnBean(CoboDeliveryVerifier.class)
public final class CoboWebhookAutoConfiguration {

	/** Name of the Spring MVC resolver of verified deliveries; the guard and the event resolver look for it. */
	static final String WEB_MVC_CONFIGURER = "coboWebhookWebMvcConfigurer";

	/** Name of the WebFlux resolver of verified deliveries; the guard and the event resolver look for it. */
	static final String WEB_FLUX_CONFIGURER = "coboWebhookWebFluxConfigurer";

	/** The size fits: {@link CoboWebhookProperties} refused one that does not when it was bound. */
	static int maxBodySize(CoboWebhookProperties webhook) {
		return Math.toIntExact(webhook.getMaxBodySize().toBytes());
	}

	/** The application's {@code JsonMapper} when it has one, else a default one. */
	static JsonMapper json(ObjectProvider<JsonMapper> json) {
		return json.getIfUnique(() -> JsonMapper.builder().build());
	}

	/**
	 * With deliveries remembered in the database, the check blocks: it runs on
	 * {@code coboTaskExecutor}, as the token store's reads do, or, in an application without tokens,
	 * on Spring Boot's {@code applicationTaskExecutor}.
	 */
	static @Nullable Executor blockingVerification(CoboProperties properties, ObjectProvider<Executor> coboTaskExecutor,
			ObjectProvider<Executor> applicationTaskExecutor) {
		if (properties.getTokenStore().getType() != CoboProperties.TokenStore.Type.JDBC) {
			return null;
		}
		Executor cobos = coboTaskExecutor.getIfAvailable();
		return (cobos != null) ? cobos : applicationTaskExecutor.getIfAvailable();
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

		@Bean(WEB_MVC_CONFIGURER)
		@ConditionalOnMissingBean(name = WEB_MVC_CONFIGURER)
		WebMvcConfigurer coboWebhookWebMvcConfigurer(CoboDeliveryVerifier verifier, ObjectProvider<JsonMapper> json,
				CoboWebhookProperties webhook) {
			return CoboWebhookServer.deliveryResolver(verifier, json(json), maxBodySize(webhook));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	static class ReactiveConfiguration {

		@Bean(WEB_FLUX_CONFIGURER)
		@ConditionalOnMissingBean(name = WEB_FLUX_CONFIGURER)
		WebFluxConfigurer coboWebhookWebFluxConfigurer(CoboDeliveryVerifier verifier, ObjectProvider<JsonMapper> json,
				CoboWebhookProperties webhook, CoboProperties properties,
				@Qualifier(CoboTokensConfiguration.TASK_EXECUTOR) ObjectProvider<Executor> coboTaskExecutor,
				@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor) {
			return CoboWebhookServer.reactiveDeliveryResolver(verifier, json(json), maxBodySize(webhook),
					blockingVerification(properties, coboTaskExecutor, applicationTaskExecutor));
		}

	}

}
