package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboApprovalCallbackAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookAutoConfiguration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cobo's transaction-approval callbacks to a Spring WebFlux application, through WebTestClient bound
 * to the application; the handler runs on Spring Boot's {@code applicationTaskExecutor}.
 */
class ReactiveCoboApprovalCallbackTest extends CoboApprovalCallbackContract {

	@Override
	protected void withApplication(CoboApprovalHandler handler, String[] properties,
			CoboWebhookContract.ApplicationTest test) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebFluxAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
					CoboSigningAutoConfiguration.class, CoboDeliveryVerifierAutoConfiguration.class,
					CoboWebhookAutoConfiguration.class, CoboApprovalCallbackAutoConfiguration.class))
			.withPropertyValues(properties)
			.withBean(CoboApprovalHandler.class, () -> handler)
			.run(test::accept);
	}

	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		return ReactiveCoboWebhookTest.postTo(context, path, headers, body);
	}

	@Test
	void runsTheHandlerOnTheApplicationTaskExecutor() {
		AtomicReference<String> thread = new AtomicReference<>();
		withApplication((transaction) -> {
			thread.set(Thread.currentThread().getName());
			return CoboApprovalHandler.Decision.APPROVE;
		}, CoboWebhookContract.COBO, (context) -> {
			String body = "{\"transaction_id\":\"t-1\"}";
			Map<String, String> headers = CoboWebhookContract.signed(body, System.currentTimeMillis());

			assertThat(post(context, "/cobo/callbacks/approval", headers, body).body()).isEqualTo("ok");
			assertThat(thread.get()).startsWith("task-");
		});
	}

	@Test
	void answersDenyToABodyLargerThanTheLimit() {
		withApplication((transaction) -> CoboApprovalHandler.Decision.APPROVE,
				new String[] { CoboWebhookContract.COBO[0], "cobo.webhook.max-body-size=64B" }, (context) -> {
					String body = "{\"transaction_id\":\"" + "t".repeat(100) + "\"}";
					Map<String, String> headers = CoboWebhookContract.signed(body, System.currentTimeMillis());

					assertThat(post(context, "/cobo/callbacks/approval", headers, body).body()).isEqualTo("deny");
				});
	}

	@Test
	void offersNoEndpointWithoutAHandler() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboDeliveryVerifierAutoConfiguration.class, CoboApprovalCallbackAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("coboApprovalCallbackRoute"));
	}

}
