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
		INVALID

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
		String what = (reason == Reason.MISSING) ? "carries no Cobo response signature (BIZ-TIMESTAMP and BIZ-RESP-SIGNATURE)"
				: "has a Cobo response signature that does not verify with the configured Cobo public key";
		return "Response " + statusCode.value() + " to " + method + " " + uri.getScheme() + "://" + uri.getRawAuthority()
				+ uri.getRawPath() + " " + what + "; its body was discarded. If the base URL is a proxy or simulator, "
				+ "set cobo.response-verification.public-key to the key it signs with.";
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
