package dev.cobooauth.signing;


import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A delivery that must not be acted on, with the problem the sender gets: {@code 401} (or
 * {@code 413} for a body over the limit, {@code 503} when it could not be checked) with one generic
 * {@link ProblemDetail} for every reason: a sender probing the endpoint learns nothing of which check
 * failed. The {@link Reason} is for the application and its log ({@link Reason#getDetail()}); the
 * problem never repeats anything the sender sent, nor says anything of the application's database
 * or configuration.
 */
public class CoboDeliveryVerificationException extends ErrorResponseException {

	/** Why a delivery was refused. */
	public enum Reason {

		/** {@code BIZ-TIMESTAMP} or {@code BIZ-RESP-SIGNATURE} is absent. */
		MISSING_SIGNATURE(HttpStatus.UNAUTHORIZED, "The delivery carries no BIZ-TIMESTAMP and BIZ-RESP-SIGNATURE"),

		/** {@code BIZ-TIMESTAMP} is not a number of milliseconds. */
		MALFORMED_TIMESTAMP(HttpStatus.UNAUTHORIZED, "The delivery's BIZ-TIMESTAMP is not a time in milliseconds"),

		/** The timestamp is further from now than the tolerance, in the past or the future. */
		STALE(HttpStatus.UNAUTHORIZED, "The delivery's timestamp is outside the accepted window"),

		/** The signature does not verify with Cobo's key over the body and timestamp. */
		INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED, "The delivery's signature does not verify with Cobo's key"),

		/** The same signed delivery arrived before, within the tolerance window. */
		REPLAYED(HttpStatus.UNAUTHORIZED, "The delivery was already received"),

		/** The body is longer than {@code cobo.webhook.max-body-size}; it was not read to the end. */
		TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The delivery's body is larger than accepted"),

		/**
		 * The delivery verified, but the database that remembers deliveries could not tell whether it
		 * is a replay; it is not accepted, and {@code 503} asks Cobo to send it again later.
		 */
		REPLAY_CHECK_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
				"The delivery could not be checked against those already received; send it again later"),

		/**
		 * The memory of deliveries received is full of deliveries still inside the tolerance window
		 * ({@code cobo.webhook.replay-cache-size}); none is forgotten early, so the delivery is not
		 * accepted, and {@code 503} asks Cobo to send it again later.
		 */
		REPLAY_MEMORY_FULL(HttpStatus.SERVICE_UNAVAILABLE,
				"The memory of deliveries received is full (cobo.webhook.replay-cache-size); send it again later"),

		/**
		 * Deliveries are not verified in this application ({@code cobo.webhook.enabled=false}, or the
		 * webhook auto-configuration excluded), so none is handed to a handler; {@code 503} asks Cobo to
		 * send it again later.
		 */
		VERIFICATION_OFF(HttpStatus.SERVICE_UNAVAILABLE,
				"Deliveries are not verified in this application (cobo.webhook.enabled=false)");

		private final HttpStatus status;

		private final String detail;

		Reason(HttpStatus status, String detail) {
			this.status = status;
			this.detail = detail;
		}

		/** @return the status the sender gets */
		public HttpStatus getStatus() {
			return this.status;
		}

		/** @return why, for the log: the sender is told only that the delivery was not accepted */
		public String getDetail() {
			return this.detail;
		}

	}

	private final Reason reason;

	/**
	 * @param reason why the delivery was refused
	 */
	public CoboDeliveryVerificationException(Reason reason) {
		this(reason, null);
	}

	/**
	 * @param reason why the delivery was refused
	 * @param cause what kept it from being checked, or {@code null}
	 */
	CoboDeliveryVerificationException(Reason reason, @Nullable Throwable cause) {
		super(reason.getStatus(), problemFor(reason), cause);
		this.reason = reason;
	}

	private static ProblemDetail problemFor(Reason reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.getStatus(),
				(reason.getStatus() == HttpStatus.SERVICE_UNAVAILABLE) ? "The delivery was not accepted; send it again later"
						: "The delivery was not accepted");
		problem.setTitle("Unverified Cobo delivery");
		return problem;
	}

	/** @return why the delivery was refused */
	public Reason getReason() {
		return this.reason;
	}

}
