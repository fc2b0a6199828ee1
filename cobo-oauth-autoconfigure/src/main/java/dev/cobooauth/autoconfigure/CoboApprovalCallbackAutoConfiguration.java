package dev.cobooauth.autoconfigure;

import java.util.concurrent.Executor;

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
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * In a Spring MVC or WebFlux application with a {@link CoboApprovalHandler} bean, the endpoint
 * {@code POST cobo.webhook.callback-path} that answers Cobo's transaction-approval callbacks with
 * {@code ok} or {@code deny}, failing closed. The handler runs on Spring Boot's
 * {@code applicationTaskExecutor}; on WebFlux the verification does too, never on an event loop.
 */
@AutoConfiguration(afterName = { "dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@ConditionalOnBean({ CoboApprovalHandler.class, CoboDeliveryVerifier.class })
class CoboApprovalCallbackAutoConfiguration {

	private static ApprovalCallbackEndpoint endpoint(CoboDeliveryVerifier verifier, CoboApprovalHandler handler,
			CoboWebhookProperties webhook, Executor executor) {
		return new ApprovalCallbackEndpoint(verifier, handler, executor, webhook.getCallbackTimeout(),
				CoboWebhookAutoConfiguration.maxBodySize(webhook));
	}

	private static Executor executor(ObjectProvider<Executor> applicationTaskExecutor) {
		return applicationTaskExecutor.getIfAvailable(() -> new SimpleAsyncTaskExecutor("cobo-approval-"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboApprovalCallbackRoute")
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> coboApprovalCallbackRoute(
				CoboDeliveryVerifier verifier, CoboApprovalHandler handler, CoboWebhookProperties webhook,
				@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
			ApprovalCallbackEndpoint endpoint = endpoint(verifier, handler, webhook, executor(applicationTaskExecutor));
			return org.springframework.web.servlet.function.RouterFunctions.route()
				.POST(webhook.getCallbackPath(), endpoint::handle)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.function.server.RouterFunction.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboApprovalCallbackRoute")
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> coboApprovalCallbackRoute(
				CoboDeliveryVerifier verifier, CoboApprovalHandler handler, CoboWebhookProperties webhook,
				@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
			Executor executor = executor(applicationTaskExecutor);
			ReactiveApprovalCallbackEndpoint endpoint = new ReactiveApprovalCallbackEndpoint(
					endpoint(verifier, handler, webhook, executor), executor);
			return org.springframework.web.reactive.function.server.RouterFunctions.route()
				.POST(webhook.getCallbackPath(), endpoint::handle)
				.build();
		}

	}

}
