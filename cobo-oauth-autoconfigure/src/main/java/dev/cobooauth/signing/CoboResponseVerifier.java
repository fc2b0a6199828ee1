package dev.cobooauth.signing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Decides whether a response may reach the caller: it must carry a valid Cobo signature
 * ({@code BIZ-TIMESTAMP}, {@code BIZ-RESP-SIGNATURE}, either spelled with hyphens or underscores,
 * in any letter case) over {@code body|timestamp}, and its timestamp must lie within the tolerance of
 * the clock, either way, so that an answer captured once cannot be served again later. Statuses that a proxy in front of Cobo produces
 * on its own (414, 429, 502, 503) pass unsigned, so the client reports them as the HTTP errors
 * they are.
 */
final class CoboResponseVerifier {

	/** Statuses that may come unsigned from a proxy in front of Cobo. */
	public static final Set<Integer> PROXY_STATUSES = Set.of(414, 429, 502, 503);

	private final CoboSignatureVerifier cobosKey;

	private final CoboSignatureMetrics metrics;

	private final Clock clock;

	private final Duration tolerance;

	private final int maxBodySize;

	/**
	 * @param cobosKey the Ed25519 key of the environment (or of the configured base URL)
	 * @param metrics told of every response refused
	 * @param clock what a response's timestamp is compared with
	 * @param tolerance how far, either way, a response's timestamp may be from the clock
	 * @param maxBodySize the most bytes of a body read to check it
	 */
	public CoboResponseVerifier(CoboSignatureVerifier cobosKey, CoboSignatureMetrics metrics, Clock clock,
			Duration tolerance, int maxBodySize) {
		if (cobosKey == null) {
			throw new IllegalArgumentException("cobosKey cannot be null");
		}
		if (metrics == null) {
			throw new IllegalArgumentException("metrics cannot be null");
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
			throw new IllegalArgumentException("tolerance must be positive");
		}
		if (maxBodySize < 1) {
			throw new IllegalArgumentException("maxBodySize must be at least 1");
		}
		this.cobosKey = cobosKey;
		this.metrics = metrics;
		this.clock = clock;
		this.tolerance = tolerance;
		this.maxBodySize = maxBodySize;
	}

	/** @return the most bytes of a body read to check it; a longer body is refused unread */
	public int maxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param status the response status
	 * @return the failure for a body longer than {@link #maxBodySize()}
	 */
	public CoboResponseSignatureException tooLarge(HttpMethod method, URI uri, HttpStatusCode status) {
		return refused(CoboResponseSignatureException.Reason.TOO_LARGE, method, uri, status);
	}

	/**
	 * @param method the request's method, for the error message
	 * @param uri the request's URI, for the error message
	 * @param status the response status
	 * @param headers the response headers
	 * @param body the exact response body bytes
	 * @throws CoboResponseSignatureException if the response must not reach the caller
	 */
	public void verify(HttpMethod method, URI uri, HttpStatusCode status, HttpHeaders headers, byte[] body) {
		String timestamp = CoboResponseSignatureHeaders.timestamp(headers);
		String signature = CoboResponseSignatureHeaders.signature(headers);
		if (timestamp == null || signature == null) {
			if (PROXY_STATUSES.contains(status.value())) {
				return;
			}
			throw refused(CoboResponseSignatureException.Reason.MISSING, method, uri, status);
		}
		if (!this.cobosKey.verify(SigningDigest.ofResponse(body, timestamp), signature)) {
			throw refused(CoboResponseSignatureException.Reason.INVALID, method, uri, status);
		}
		if (!isFresh(timestamp)) {
			throw refused(CoboResponseSignatureException.Reason.STALE, method, uri, status);
		}
	}

	private boolean isFresh(String timestamp) {
		long millis;
		try {
			millis = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		long distance = Math.abs(this.clock.millis() - millis);
		return distance >= 0 && distance <= this.tolerance.toMillis();
	}

	private CoboResponseSignatureException refused(CoboResponseSignatureException.Reason reason, HttpMethod method,
			URI uri, HttpStatusCode status) {
		this.metrics.responseRejected(reason);
		return new CoboResponseSignatureException(reason, method, uri, status);
	}

	/** @return the public key responses must be signed with, hex */
	public String getPublicKeyHex() {
		return this.cobosKey.getPublicKeyHex();
	}

}
