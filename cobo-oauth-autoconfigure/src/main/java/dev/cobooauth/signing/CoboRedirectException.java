package dev.cobooauth.signing;

import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Thrown instead of returning a redirect (a 3xx answer) to a Cobo client: Cobo's API does not
 * redirect, and following one would carry the request's signature and the org's bearer token to
 * another location. The answer's body and its {@code Location} never reach the caller.
 */
public class CoboRedirectException extends RuntimeException {

	private final HttpStatusCode statusCode;

	/**
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param statusCode the redirect's status
	 */
	public CoboRedirectException(HttpMethod method, URI uri, HttpStatusCode statusCode) {
		super("Response " + statusCode.value() + " to " + method + " " + uri.getScheme() + "://" + uri.getRawAuthority()
				+ uri.getRawPath() + " is a redirect, which a Cobo client never follows: Cobo's API does not redirect, "
				+ "so cobo.base-url most likely points at the wrong host or path (or something on the way answers "
				+ "for it).");
		this.statusCode = statusCode;
	}

	/** @return the status of the refused redirect */
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

}
