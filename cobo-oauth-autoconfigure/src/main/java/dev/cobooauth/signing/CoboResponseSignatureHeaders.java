package dev.cobooauth.signing;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads the two headers Cobo signs its responses and its webhook and callback deliveries with,
 * {@code BIZ-TIMESTAMP} and {@code BIZ-RESP-SIGNATURE}, whichever spelling arrives: hyphens (Python
 * SDK, JS webhook demo) or underscores (Java SDK, Go webhook demo), in any letter case.
 */
final class CoboResponseSignatureHeaders {

	private static final String[] TIMESTAMP_HEADERS = { "BIZ-TIMESTAMP", "BIZ_TIMESTAMP" };

	private static final String[] SIGNATURE_HEADERS = { "BIZ-RESP-SIGNATURE", "BIZ_RESP_SIGNATURE" };

	private CoboResponseSignatureHeaders() {
	}

	/**
	 * @param headers the headers of a response or a delivery
	 * @return the {@code BIZ-TIMESTAMP} value, or {@code null} when absent
	 */
	public static @Nullable String timestamp(HttpHeaders headers) {
		return firstOf(headers, TIMESTAMP_HEADERS);
	}

	/**
	 * @param headers the headers of a response or a delivery
	 * @return the {@code BIZ-RESP-SIGNATURE} value, or {@code null} when absent
	 */
	public static @Nullable String signature(HttpHeaders headers) {
		return firstOf(headers, SIGNATURE_HEADERS);
	}

	private static @Nullable String firstOf(HttpHeaders headers, String[] names) {
		for (String name : names) {
			String value = headers.getFirst(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
