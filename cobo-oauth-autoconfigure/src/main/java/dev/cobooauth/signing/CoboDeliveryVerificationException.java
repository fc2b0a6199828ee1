package dev.cobooauth.signing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A delivery that must not be acted on, with the problem the sender gets: {@code 401} (or
 * {@code 413} for a body over the limit, {@code 503} when it could not be checked for a replay) with
 * a {@link ProblemDetail} whose {@code reason} property says why. The detail never repeats anything
 * the sender sent, nor says anything of the application's database.
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
				"The delivery could not be checked against those already received; send it again later");

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

		/** @return what the sender is told */
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.getStatus(), reason.getDetail());
		problem.setTitle("Unverified Cobo delivery");
		problem.setProperty("reason", reason.name().toLowerCase(Locale.ROOT));
		return problem;
	}

	/** @return why the delivery was refused */
	public Reason getReason() {
		return this.reason;
	}

}
