package dev.cobooauth.signing;

import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Thrown instead of returning a response whose Cobo signature is missing or does not verify: the
 * response may not come from Cobo, so its body never reaches the caller.
 */
public class CoboResponseSignatureException extends RuntimeException {

	/** Why a response was refused. */
	public enum Reason {

		/** {@code BIZ-TIMESTAMP} or {@code BIZ-RESP-SIGNATURE} is absent. */
		MISSING,

		/** The signature does not verify with the expected key: tampered, or signed by someone else. */
		INVALID,

		/**
		 * The signature verifies, but its {@code BIZ-TIMESTAMP} is further from the clock than
		 * {@code cobo.response-verification.tolerance}: an old answer served again, or a clock that is off.
		 */
		STALE,

		/**
		 * The body is larger than {@code cobo.response-verification.max-body-size}; it was not read
		 * whole, so its signature could not be checked.
		 */
		TOO_LARGE

	}

	private final Reason reason;

	private final HttpStatusCode statusCode;

	/**
	 * @param reason why the response was refused
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param statusCode the response's status
	 */
	public CoboResponseSignatureException(Reason reason, HttpMethod method, URI uri, HttpStatusCode statusCode) {
		super(describe(reason, method, uri, statusCode));
		this.reason = reason;
		this.statusCode = statusCode;
	}

	private static String describe(Reason reason, HttpMethod method, URI uri, HttpStatusCode statusCode) {
		return "Response " + statusCode.value() + " to " + method + " " + uri.getScheme() + "://" + uri.getRawAuthority()
				+ uri.getRawPath() + " " + what(reason) + "; its body was discarded. " + advice(reason);
	}

	private static String what(Reason reason) {
		return switch (reason) {
			case MISSING -> "carries no Cobo response signature (BIZ-TIMESTAMP and BIZ-RESP-SIGNATURE)";
			case INVALID -> "has a Cobo response signature that does not verify with the configured Cobo public key";
			case STALE -> "has a valid Cobo response signature, but its BIZ-TIMESTAMP is further from this clock "
					+ "than cobo.response-verification.tolerance allows";
			case TOO_LARGE -> "has a body larger than cobo.response-verification.max-body-size";
		};
	}

	private static String advice(Reason reason) {
		return switch (reason) {
			case MISSING, INVALID -> "If the base URL is a proxy or simulator, "
					+ "set cobo.response-verification.public-key to the key it signs with.";
			case STALE -> "An answer signed long ago was served again, or this machine's clock is off: check its "
					+ "time synchronisation, or raise cobo.response-verification.tolerance.";
			case TOO_LARGE -> "Ask for fewer items per page, or raise cobo.response-verification.max-body-size.";
		};
	}

	/** @return why the response was refused */
	public Reason getReason() {
		return this.reason;
	}

	/** @return the status of the refused response */
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

}
