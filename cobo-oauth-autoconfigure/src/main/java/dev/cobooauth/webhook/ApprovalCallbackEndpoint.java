package dev.cobooauth.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.transactions.CoboTransaction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers Cobo's transaction-approval callbacks on Spring MVC with {@code ok} or {@code deny}, failing
 * closed: anything but a verified callback whose {@link CoboApprovalHandler} approved in time is denied.
 * The handler runs on the given executor and is interrupted when it is late.
 * {@link ReactiveApprovalCallbackEndpoint} is its face on WebFlux.
 */
final class ApprovalCallbackEndpoint {

	static final String APPROVE = "ok";

	static final String DENY = "deny";

	private static final Log logger = LogFactory.getLog(ApprovalCallbackEndpoint.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CoboDeliveryVerifier verifier;

	private final CoboApprovalHandler handler;

	private final Executor executor;

	private final Duration timeout;

	private final int maxBodySize;

	ApprovalCallbackEndpoint(CoboDeliveryVerifier verifier, CoboApprovalHandler handler, Executor executor,
			Duration timeout, int maxBodySize) {
		this.verifier = verifier;
		this.handler = handler;
		this.executor = executor;
		this.timeout = timeout;
		this.maxBodySize = maxBodySize;
	}

	ServerResponse handle(ServerRequest request) {
		return ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).body(answer(request));
	}

	private String answer(ServerRequest request) {
		byte[] body;
		try {
			body = request.servletRequest().getInputStream().readNBytes(this.maxBodySize + 1);
		}
		catch (IOException ex) {
			return denied("it could not be read", ex);
		}
		return answer(request.headers().asHttpHeaders(), body);
	}

	/**
	 * Verifies, reads and decides a callback, blocking until the handler answered or its time is up;
	 * used by both stacks ({@link ReactiveApprovalCallbackEndpoint} calls it off the event loop).
	 * @param headers the callback's headers
	 * @param body its body as received, read up to one byte past {@code cobo.webhook.max-body-size}
	 * @return {@value #APPROVE} or {@value #DENY}
	 */
	String answer(HttpHeaders headers, byte[] body) {
		if (body.length > this.maxBodySize) {
			return tooLarge();
		}
		CoboTransaction transaction;
		try {
			CoboDelivery delivery = this.verifier.verify(headers, body);
			transaction = JSON.readValue(delivery.body(), CoboTransaction.class);
		}
		catch (RuntimeException ex) {
			return denied("it could not be verified or read", ex);
		}
		return decide(transaction);
	}

	/** @return the answer to a callback whose body is larger than the limit */
	static String tooLarge() {
		return denied("its body is larger than cobo.webhook.max-body-size", null);
	}

	int maxBodySize() {
		return this.maxBodySize;
	}

	private String decide(CoboTransaction transaction) {
		CompletableFuture<CoboApprovalHandler.Decision> decision;
		try {
			decision = CompletableFuture.supplyAsync(() -> this.handler.decide(transaction), this.executor);
		}
		catch (RejectedExecutionException ex) {
			return denied("the task executor refused the approval handler", ex);
		}
		try {
			CoboApprovalHandler.Decision answer = decision.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return (answer == CoboApprovalHandler.Decision.APPROVE) ? APPROVE
					: denied(transaction, (answer == null) ? "the approval handler returned null" : null, null);
		}
		catch (TimeoutException ex) {
			decision.cancel(true);
			return denied(transaction, "the approval handler took longer than cobo.webhook.callback-timeout ("
					+ this.timeout.toMillis() + " ms)", null);
		}
		catch (ExecutionException ex) {
			return denied(transaction, "the approval handler failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			decision.cancel(true);
			return denied(transaction, "the request's thread was interrupted", ex);
		}
	}

	private static String denied(CoboTransaction transaction, @Nullable String reason, @Nullable Throwable failure) {
		if (reason != null) {
			logger.warn("Denied Cobo's approval callback for transaction " + transaction.transactionId() + ": "
					+ reason, failure);
		}
		return DENY;
	}

	static String denied(String reason, @Nullable Throwable failure) {
		logger.warn("Denied a Cobo approval callback because " + reason
				+ ((failure != null) ? ": " + failure.getMessage() : ""));
		return DENY;
	}

}
