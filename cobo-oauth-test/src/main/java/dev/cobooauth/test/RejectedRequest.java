package dev.cobooauth.test;

/**
 * Thrown inside the simulator to stop handling a request and answer it with a {@link Rejection}.
 * Without a stack trace: it is control flow, not a failure.
 */
final class RejectedRequest extends RuntimeException {

	private final Rejection reason;

	RejectedRequest(Rejection reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	Rejection reason() {
		return this.reason;
	}

	SimulatorResponse toResponse() {
		return this.reason.toResponse(getMessage());
	}

}
