package dev.cobooauth.http;

import java.net.URI;
import java.util.Set;

import dev.cobooauth.signing.CoboSignatureVerifier;
import dev.cobooauth.signing.SigningDigest;

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
public final class CoboResponseVerifier {

	/** Statuses that may come unsigned from a proxy in front of Cobo. */
	public static final Set<Integer> PROXY_STATUSES = Set.of(414, 429, 502, 503);

	private static final String[] TIMESTAMP_HEADERS = { "BIZ-TIMESTAMP", "BIZ_TIMESTAMP" };

	private static final String[] SIGNATURE_HEADERS = { "BIZ-RESP-SIGNATURE", "BIZ_RESP_SIGNATURE" };

	private final CoboSignatureVerifier cobosKey;

	/**
	 * @param cobosKey the Ed25519 key of the environment (or of the configured base URL)
	 */
	public CoboResponseVerifier(CoboSignatureVerifier cobosKey) {
		if (cobosKey == null) {
			throw new IllegalArgumentException("cobosKey cannot be null");
		}
		this.cobosKey = cobosKey;
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
		String timestamp = firstOf(headers, TIMESTAMP_HEADERS);
		String signature = firstOf(headers, SIGNATURE_HEADERS);
		if (timestamp == null || signature == null) {
			if (PROXY_STATUSES.contains(status.value())) {
				return;
			}
			throw new CoboResponseSignatureException(CoboResponseSignatureException.Reason.MISSING, method, uri, status);
		}
		if (!this.cobosKey.verify(SigningDigest.ofResponse(body, timestamp), signature)) {
			throw new CoboResponseSignatureException(CoboResponseSignatureException.Reason.INVALID, method, uri, status);
		}
	}

	private static String firstOf(HttpHeaders headers, String[] names) {
		for (String name : names) {
			String value = headers.getFirst(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** @return the public key responses must be signed with, hex */
	public String getPublicKeyHex() {
		return this.cobosKey.getPublicKeyHex();
	}

}
