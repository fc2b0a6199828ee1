package dev.cobooauth.autoconfigure;

import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.webhook.CoboApprovalHandler;
import dev.cobooauth.webhook.CoboWebhookServer;

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
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * In a Spring MVC or WebFlux application with a {@link CoboApprovalHandler} bean, the endpoint
 * {@code POST cobo.webhook.callback-path} that answers Cobo's transaction-approval callbacks with
 * {@code ok} or {@code deny}, failing closed. The handler runs on Spring Boot's
 * {@code applicationTaskExecutor}; on WebFlux the verification does too, never on an event loop.
 */
@AutoConfiguration(after = { CoboDeliveryVerifierAutoConfiguration.class, TaskExecutionAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@ConditionalOnBean({ CoboApprovalHandler.class, CoboDeliveryVerifier.class })
public final class CoboApprovalCallbackAutoConfiguration {

	private static final String ROUTE = "coboApprovalCallbackRoute";

	private static Executor executor(ObjectProvider<Executor> applicationTaskExecutor) {
		return applicationTaskExecutor.getIfAvailable(() -> new SimpleAsyncTaskExecutor("cobo-approval-"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletConfiguration {

		@Bean(ROUTE)
		@ConditionalOnMissingBean(name = ROUTE)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> coboApprovalCallbackRoute(
				CoboDeliveryVerifier verifier, CoboApprovalHandler handler, CoboWebhookProperties webhook,
				@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor) {
			return CoboWebhookServer.approvalCallback(webhook.getCallbackPath(), verifier, handler,
					webhook.getCallbackTimeout(), CoboWebhookAutoConfiguration.maxBodySize(webhook),
					executor(applicationTaskExecutor));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.function.server.RouterFunction.class)
	static class ReactiveConfiguration {

		@Bean(ROUTE)
		@ConditionalOnMissingBean(name = ROUTE)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> coboApprovalCallbackRoute(
				CoboDeliveryVerifier verifier, CoboApprovalHandler handler, CoboWebhookProperties webhook,
				@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor) {
			return CoboWebhookServer.reactiveApprovalCallback(webhook.getCallbackPath(), verifier, handler,
					webhook.getCallbackTimeout(), CoboWebhookAutoConfiguration.maxBodySize(webhook),
					executor(applicationTaskExecutor));
		}

	}

}
