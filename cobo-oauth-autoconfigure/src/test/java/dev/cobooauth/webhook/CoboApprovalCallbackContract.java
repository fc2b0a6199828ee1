package dev.cobooauth.webhook;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.cobooauth.autoconfigure.CoboAutoConfigurations;
import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cobo's transaction-approval callbacks fail closed: only a verified callback whose handler approved
 * in time is answered {@code ok}; a denial, an exception, a late handler, a body that is not a
 * transaction and a callback that does not verify are all answered {@code deny}.
 */
class CoboApprovalCallbackTest {

	private static final String TRANSACTION = "{\"transaction_id\":\"t-1\",\"request_id\":\"r-1\",\"status\":"
			+ "\"PendingApproval\",\"token_id\":\"ETH\",\"destination\":{\"account_output\":{\"amount\":\"0.5\"}}}";

	private final AtomicReference<CoboApprovalHandler> decides = new AtomicReference<>(
			(transaction) -> CoboApprovalHandler.Decision.APPROVE);

	private WebApplicationContextRunner application() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					CoboAutoConfigurations.SIGNING, CoboAutoConfigurations.DELIVERY_VERIFIER,
					CoboWebhookAutoConfiguration.class, CoboApprovalCallbackAutoConfiguration.class))
			.withPropertyValues(CoboWebhookContract.COBO)
			.withPropertyValues("cobo.webhook.callback-timeout=300ms")
			.withBean(CoboApprovalHandler.class, () -> (transaction) -> this.decides.get().decide(transaction));
	}

	@Test
	void answersOkWhenTheHandlerApprovesTheTransaction() {
		AtomicReference<String> seen = new AtomicReference<>();
		this.decides.set((transaction) -> {
			seen.set(transaction.transactionId() + " " + transaction.amount());
			return CoboApprovalHandler.Decision.APPROVE;
		});
		application().run((context) -> {
			assertThat(callback(context, TRANSACTION)).isEqualTo(new Answer(200, "text/plain", "ok"));
			assertThat(seen).hasValue("t-1 0.5");
		});
	}

	@Test
	void answersDenyWhenTheHandlerDenies() {
		this.decides.set((transaction) -> CoboApprovalHandler.Decision.DENY);
		application().run((context) -> assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny"));
	}

	@Test
	void answersDenyWhenTheHandlerThrows() {
		this.decides.set((transaction) -> {
			throw new IllegalStateException("The policy service is down");
		});
		application().run((context) -> assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny"));
	}

	@Test
	void answersDenyWhenTheHandlerReturnsNull() {
		this.decides.set((transaction) -> null);
		application().run((context) -> assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny"));
	}

	@Test
	void answersDenyWithinTheTimeoutWhenTheHandlerIsSlow() {
		this.decides.set((transaction) -> {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return CoboApprovalHandler.Decision.APPROVE;
		});
		application().run((context) -> {
			long started = System.nanoTime();

			assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny");
			assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
		});
	}

	@Test
	void answersDenyToACallbackThatDoesNotVerify() {
		application().run((context) -> {
			Map<String, String> headers = CoboWebhookContract.signed(TRANSACTION, System.currentTimeMillis());
			String tampered = TRANSACTION.replace("0.5", "500");

			assertThat(ServletCoboWebhookTest.postTo(context, "/cobo/callbacks/approval", headers, tampered).body())
				.isEqualTo("deny");
		});
	}

	@Test
	void answersDenyToABodyThatIsNotATransaction() {
		application().run((context) -> assertThat(callback(context, "[1,2]").body()).isEqualTo("deny"));
	}

	@Test
	void offersNoEndpointWithoutAHandler() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboAutoConfigurations.SIGNING,
					CoboAutoConfigurations.DELIVERY_VERIFIER, CoboApprovalCallbackAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("coboApprovalCallbackRoute"));
	}

	private static Answer callback(ApplicationContext context, String body) {
		Map<String, String> headers = CoboWebhookContract.signed(body, System.currentTimeMillis());
		return ServletCoboWebhookTest.postTo(context, "/cobo/callbacks/approval", headers, body);
	}

}
