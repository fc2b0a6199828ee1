package dev.cobooauth.signing;

import java.net.URI;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Decides whether a response may reach the caller: it must carry a valid Cobo signature
 * ({@code BIZ-TIMESTAMP}, {@code BIZ-RESP-SIGNATURE}, either spelled with hyphens or underscores,
 * in any letter case) over {@code body|timestamp}. Statuses that a proxy in front of Cobo produces
 * on its own (414, 429, 502, 503) pass unsigned, so the client reports them as the HTTP errors
 * they are.
 */
final class CoboResponseVerifier {

	/** Statuses that may come unsigned from a proxy in front of Cobo. */
	public static final Set<Integer> PROXY_STATUSES = Set.of(414, 429, 502, 503);

	private final CoboSignatureVerifier cobosKey;

	private final CoboSignatureMetrics metrics;

	/**
	 * @param cobosKey the Ed25519 key of the environment (or of the configured base URL)
	 */
	public CoboResponseVerifier(CoboSignatureVerifier cobosKey) {
		this(cobosKey, CoboSignatureMetrics.NONE);
	}

	/**
	 * @param cobosKey the Ed25519 key of the environment (or of the configured base URL)
	 * @param metrics told of every response refused
	 */
	public CoboResponseVerifier(CoboSignatureVerifier cobosKey, CoboSignatureMetrics metrics) {
		if (cobosKey == null) {
			throw new IllegalArgumentException("cobosKey cannot be null");
		}
		if (metrics == null) {
			throw new IllegalArgumentException("metrics cannot be null");
		}
		this.cobosKey = cobosKey;
		this.metrics = metrics;
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
