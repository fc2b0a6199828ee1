package dev.cobooauth.autoconfigure;

import dev.cobooauth.webhook.CoboWebhookServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery} parameter from ever being bound without
 * verification. When {@link CoboWebhookAutoConfiguration} does not resolve such parameters
 * ({@code cobo.webhook.enabled=false}, or the auto-configuration excluded), Spring's catch-all
 * argument resolvers would fill them from query parameters and call the handler; here every such
 * parameter is refused instead, with {@code 503} (so that Cobo sends the delivery again later, when
 * verification may be on) and the handler is not called, and startup logs a warning naming
 * {@code cobo.webhook.enabled} for each handler that takes one.
 * <p>
 * A configuration of its own, not switched off by {@code cobo.webhook.enabled}, so that turning
 * webhooks off (or excluding their auto-configuration) never leaves a hole. It backs off when the
 * webhook resolvers are there.
 */
@AutoConfiguration(after = CoboWebhookAutoConfiguration.class)
@ConditionalOnWebApplication
public final class CoboWebhookGuardAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	@ConditionalOnMissingBean(name = CoboWebhookAutoConfiguration.WEB_MVC_CONFIGURER)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookGuardWebMvcConfigurer")
		WebMvcConfigurer coboWebhookGuardWebMvcConfigurer() {
			return CoboWebhookServer.deliveryGuard();
		}

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryExceptionHandler coboDeliveryExceptionHandler() {
			return new CoboDeliveryExceptionHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	@ConditionalOnMissingBean(name = CoboWebhookAutoConfiguration.WEB_FLUX_CONFIGURER)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboWebhookGuardWebFluxConfigurer")
		WebFluxConfigurer coboWebhookGuardWebFluxConfigurer() {
			return CoboWebhookServer.reactiveDeliveryGuard();
		}

		@Bean
		@ConditionalOnMissingBean
		CoboDeliveryExceptionHandler coboDeliveryExceptionHandler() {
			return new CoboDeliveryExceptionHandler();
		}

	}

}
