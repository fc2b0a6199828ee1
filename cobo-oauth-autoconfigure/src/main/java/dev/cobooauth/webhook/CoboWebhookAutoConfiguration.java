package dev.cobooauth.webhook;

import java.time.Clock;

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
 * Verification of Cobo's webhook events and callback messages ({@code cobo.webhook.*}): a
 * {@link CoboDeliveryVerifier} with the environment's key, and, in a Spring MVC or WebFlux
 * application, the resolver of {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery}
 * parameters and the answer to a refused delivery. Needs no key of the application's own.
 */
@AutoConfiguration(afterName = { "dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
class CoboWebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboDeliveryVerifier coboDeliveryVerifier(CoboProperties properties, CoboWebhookProperties webhook,
			@Qualifier("coboClock") ObjectProvider<Clock> coboClock) {
		Clock clock = coboClock.getIfAvailable(Clock::systemUTC);
		return CoboDeliveryVerifier.builder(deliveryKey(properties, webhook), deliveryKeySource(properties, webhook))
			.tolerance(webhook.getTolerance())
			.replayCacheSize(webhook.getReplayCacheSize())
			.clock(clock)
			.build();
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

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookWebFluxConfigurer")
		WebFluxConfigurer coboWebhookWebFluxConfigurer(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
				CoboWebhookProperties webhook) {
			return new ReactiveVerifiedCoboDeliveryArgumentResolver(verifier, reader, maxBodySize(webhook));
		}

	}

}
