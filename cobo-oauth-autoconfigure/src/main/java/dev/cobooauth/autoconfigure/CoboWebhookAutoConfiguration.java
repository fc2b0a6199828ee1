package dev.cobooauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.cobooauth.signing.CoboSignatureVerifier;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.webhook.CoboDeliveryExceptionHandler;
import dev.cobooauth.webhook.CoboDeliveryReader;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.signing.SeenDeliveries;
import dev.cobooauth.webhook.ReactiveVerifiedCoboDeliveryArgumentResolver;
import dev.cobooauth.webhook.VerifiedCoboDeliveryArgumentResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Verification of Cobo's webhook events and callback messages ({@code cobo.webhook.*}): a
 * {@link CoboDeliveryVerifier} with the environment's key, and, in a Spring MVC or WebFlux
 * application, the resolver of {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery}
 * parameters and the answer to a refused delivery. Needs no key of the application's own.
 */
@AutoConfiguration(after = CoboSigningAutoConfiguration.class,
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties({ CoboProperties.class, CoboWebhookProperties.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
public class CoboWebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboDeliveryVerifier coboDeliveryVerifier(CoboProperties properties, CoboWebhookProperties webhook) {
		Duration tolerance = webhook.getTolerance();
		if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
			throw new InvalidCoboPropertyException("cobo.webhook.tolerance", "must be a positive duration",
					"Set it to e.g. 5m, the window Cobo's deliveries must arrive in.");
		}
		if (webhook.getReplayCacheSize() < 1) {
			throw new InvalidCoboPropertyException("cobo.webhook.replay-cache-size", "must be at least 1",
					"Set it above the number of deliveries expected within cobo.webhook.tolerance.");
		}
		Clock clock = Clock.systemUTC();
		return new CoboDeliveryVerifier(CoboSignatureVerifier.of(KeyType.ED25519, deliveryKey(properties, webhook),
				deliveryKeySource(properties, webhook)), tolerance, new SeenDeliveries(webhook.getReplayCacheSize(), clock),
				clock);
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

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	@Bean
	@ConditionalOnMissingBean
	CoboDeliveryReader coboDeliveryReader(ObjectProvider<JsonMapper> json) {
		return new CoboDeliveryReader(json.getIfUnique(() -> JsonMapper.builder().build()));
	}

	static int maxBodySize(CoboWebhookProperties webhook) {
		long bytes = (webhook.getMaxBodySize() != null) ? webhook.getMaxBodySize().toBytes() : 0;
		if (bytes < 1 || bytes > Integer.MAX_VALUE - 1) {
			throw new InvalidCoboPropertyException("cobo.webhook.max-body-size", "must be between 1B and 2GB",
					"Set it to e.g. 1MB, above the largest delivery Cobo sends.");
		}
		return (int) bytes;
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
			VerifiedCoboDeliveryArgumentResolver resolver = new VerifiedCoboDeliveryArgumentResolver(verifier, reader,
					maxBodySize(webhook));
			return new WebMvcConfigurer() {
				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(resolver);
				}
			};
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
			ReactiveVerifiedCoboDeliveryArgumentResolver resolver = new ReactiveVerifiedCoboDeliveryArgumentResolver(
					verifier, reader, maxBodySize(webhook));
			return new WebFluxConfigurer() {
				@Override
				public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
					configurer.addCustomResolver(resolver);
				}
			};
		}

	}

}
