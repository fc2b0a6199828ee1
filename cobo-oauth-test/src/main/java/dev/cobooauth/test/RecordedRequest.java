package dev.cobooauth.test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request exactly as it arrived on the wire, before the simulator judged it: what a test asserts
 * to prove what its client really sent. Immutable.
 * <p>
 * {@link #toString()} shows the request line only: headers carry bearer tokens.
 */
public final class RecordedRequest {

	private final String method;

	private final String rawPath;

	private final String rawQuery;

	private final Map<String, List<String>> headers;

	private final byte[] body;

	RecordedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
		this.method = method;
		this.rawPath = rawPath;
		this.rawQuery = (rawQuery != null) ? rawQuery : "";
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		this.headers = Collections.unmodifiableMap(copy);
		this.body = body;
	}

	/** @return the HTTP method as sent */
	public String method() {
		return this.method;
	}

	/** @return the path as sent, still percent-encoded, e.g. {@code /v2/wallets} */
	public String rawPath() {
		return this.rawPath;
	}

	/** @return the query as sent, still encoded, without {@code ?}; empty when there was none */
	public String rawQuery() {
		return this.rawQuery;
	}

	/** @return every header, looked up without regard to letter case */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * @param name a header name, in any letter case
	 * @return the header's first value, or {@code null} when it was not sent
	 */
	public String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** @return a copy of the body bytes; empty when there was no body */
	public byte[] body() {
		return this.body.clone();
	}

	/** @return the body read as UTF-8 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	byte[] bodyBytes() {
		return this.body;
	}

	@Override
	public String toString() {
		String query = this.rawQuery.isEmpty() ? "" : "?" + this.rawQuery;
		return "RecordedRequest[" + this.method + " " + this.rawPath + query + ", " + this.headers.size() + " headers, "
				+ this.body.length + " body bytes]";
	}

}
