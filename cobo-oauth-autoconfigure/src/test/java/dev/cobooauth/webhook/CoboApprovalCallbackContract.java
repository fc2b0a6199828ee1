package dev.cobooauth.webhook;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cobo's transaction-approval callbacks fail closed: only a verified callback whose handler approved
 * in time is answered {@code ok}; a denial, an exception, a late handler, a body that is not a
 * transaction and a callback that does not verify are all answered {@code deny}; on either stack, whose
 * test supplies the application and how to post to it.
 */
abstract class CoboApprovalCallbackContract {

	private static final String TRANSACTION = "{\"transaction_id\":\"t-1\",\"request_id\":\"r-1\",\"status\":"
			+ "\"PendingApproval\",\"token_id\":\"ETH\",\"destination\":{\"account_output\":{\"amount\":\"0.5\"}}}";

	private final AtomicReference<CoboApprovalHandler> decides = new AtomicReference<>(
			(transaction) -> CoboApprovalHandler.Decision.APPROVE);

	/**
	 * @param handler the application's {@link CoboApprovalHandler}, or {@code null} for none
	 * @param properties the application's properties
	 * @param test what to do with the running application
	 */
	protected abstract void withApplication(CoboApprovalHandler handler, String[] properties,
			CoboWebhookContract.ApplicationTest test);

	/**
	 * @param context the running application
	 * @param path where to post
	 * @param headers the request headers
	 * @param body the body
	 * @return the answer
	 */
	protected abstract Answer post(ApplicationContext context, String path, Map<String, String> headers, String body);

	private void application(CoboWebhookContract.ApplicationTest test) {
		String[] properties = Stream.concat(Arrays.stream(CoboWebhookContract.COBO),
				Stream.of("cobo.webhook.callback-timeout=300ms")).toArray(String[]::new);
		withApplication((transaction) -> this.decides.get().decide(transaction), properties, test);
	}

	@Test
	void answersOkWhenTheHandlerApprovesTheTransaction() {
		AtomicReference<String> seen = new AtomicReference<>();
		this.decides.set((transaction) -> {
			seen.set(transaction.transactionId() + " " + transaction.amount());
			return CoboApprovalHandler.Decision.APPROVE;
		});
		application((context) -> {
			assertThat(callback(context, TRANSACTION)).isEqualTo(new Answer(200, "text/plain", "ok"));
			assertThat(seen).hasValue("t-1 0.5");
		});
	}

	@Test
	void answersDenyWhenTheHandlerDenies() {
		this.decides.set((transaction) -> CoboApprovalHandler.Decision.DENY);
		application((context) -> assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny"));
	}

	@Test
	void answersDenyWhenTheHandlerThrows() {
		this.decides.set((transaction) -> {
			throw new IllegalStateException("The policy service is down");
		});
		application((context) -> assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny"));
	}

	@Test
	void answersDenyWhenTheHandlerReturnsNull() {
		this.decides.set((transaction) -> null);
		application((context) -> assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny"));
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
		application((context) -> {
			long started = System.nanoTime();

			assertThat(callback(context, TRANSACTION).body()).isEqualTo("deny");
			assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
		});
	}

	@Test
	void answersDenyToACallbackThatDoesNotVerify() {
		application((context) -> {
			Map<String, String> headers = CoboWebhookContract.signed(TRANSACTION, System.currentTimeMillis());
			String tampered = TRANSACTION.replace("0.5", "500");

			assertThat(post(context, "/cobo/callbacks/approval", headers, tampered).body())
				.isEqualTo("deny");
		});
	}

	@Test
	void answersDenyToABodyThatIsNotATransaction() {
		application((context) -> assertThat(callback(context, "[1,2]").body()).isEqualTo("deny"));
	}

	private Answer callback(ApplicationContext context, String body) {
		Map<String, String> headers = CoboWebhookContract.signed(body, System.currentTimeMillis());
		return post(context, "/cobo/callbacks/approval", headers, body);
	}

}
