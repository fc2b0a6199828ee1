package dev.cobooauth.webhook;

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
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * In a Spring MVC application with a {@link CoboApprovalHandler} bean, the endpoint
 * {@code POST cobo.webhook.callback-path} that answers Cobo's transaction-approval callbacks with
 * {@code ok} or {@code deny}, failing closed. The handler runs on Spring Boot's
 * {@code applicationTaskExecutor}.
 */
@AutoConfiguration(afterName = { "dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "cobo.webhook.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean({ CoboApprovalHandler.class, CoboDeliveryVerifier.class })
class CoboApprovalCallbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "coboApprovalCallbackRoute")
	RouterFunction<ServerResponse> coboApprovalCallbackRoute(CoboDeliveryVerifier verifier,
			CoboApprovalHandler handler, CoboWebhookProperties webhook,
			@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
		Executor executor = applicationTaskExecutor.getIfAvailable(() -> new SimpleAsyncTaskExecutor("cobo-approval-"));
		ApprovalCallbackEndpoint endpoint = new ApprovalCallbackEndpoint(verifier, handler, executor,
				webhook.getCallbackTimeout(), CoboWebhookAutoConfiguration.maxBodySize(webhook));
		return RouterFunctions.route().POST(webhook.getCallbackPath(), endpoint::handle).build();
	}

}
