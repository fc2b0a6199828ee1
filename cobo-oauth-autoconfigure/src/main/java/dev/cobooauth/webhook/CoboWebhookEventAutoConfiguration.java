package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboWebhookProperties;
import dev.cobooauth.signing.CoboDeliveryVerifier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * In a Spring MVC application, {@code @VerifiedCoboDelivery CoboEvent} parameters whose handler runs
 * once per {@code event_id} ({@link HandledCoboEvents}), and the answers to deliveries not run.
 */
@AutoConfiguration(after = CoboWebhookAutoConfiguration.class,
		afterName = "dev.cobooauth.autoconfigure.CoboHandledEventsAutoConfiguration")
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBean({ HandledCoboEvents.class, CoboDeliveryReader.class, CoboDeliveryVerifier.class })
class CoboWebhookEventAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "coboWebhookEventWebMvcConfigurer")
	WebMvcConfigurer coboWebhookEventWebMvcConfigurer(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
			CoboWebhookProperties webhook, HandledCoboEvents events) {
		return new CoboEventOnceResolver(verifier, reader, CoboWebhookAutoConfiguration.maxBodySize(webhook), events);
	}

	@Bean
	@ConditionalOnMissingBean
	CoboEventAnswers coboEventAnswers() {
		return new CoboEventAnswers();
	}

}
