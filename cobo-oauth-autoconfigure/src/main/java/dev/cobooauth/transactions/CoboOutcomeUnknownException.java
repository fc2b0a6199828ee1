package dev.cobooauth.transactions;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a create's answer was lost and Cobo could not be asked whether it created the
 * transaction: no transaction with the {@code request_id} was found, and Cobo may still have created
 * it, within {@code cobo.transactions.resolve-timeout}. Do not create it again with a new
 * {@code request_id}: look it up later with {@code findByRequestId(getRequestId())}, or create it
 * again with the same {@code request_id}, which Cobo will never carry out twice.
 */
public class CoboOutcomeUnknownException extends RuntimeException {

	private final String requestId;

	CoboOutcomeUnknownException(String requestId, Duration waited, @Nullable Throwable cause) {
		super("The outcome of the transaction with request_id '" + requestId + "' is unknown: Cobo's answer was lost"
				+ ((cause != null) ? " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")" : "")
				+ " and no transaction with that request_id was found within " + waited.toMillis()
				+ " ms; look it up later by its request_id before creating it again", cause);
		this.requestId = requestId;
	}

	/** @return the {@code request_id} whose transaction may or may not exist */
	public String getRequestId() {
		return this.requestId;
	}

}
