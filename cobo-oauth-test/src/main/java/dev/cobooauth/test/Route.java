package dev.cobooauth.test;

import java.util.HashMap;
import java.util.Map;

/**
 * An endpoint at a method and a path template such as {@code /v2/wallets/{wallet_id}}, where a
 * {@code {variable}} matches one non-empty path segment.
 *
 * @param method the HTTP method
 * @param template the path template, with {@code /v2}
 * @param endpoint what answers
 */
record Route(String method, String template, Endpoint endpoint) {

	/** @return the name counters use, e.g. {@code GET /v2/wallets/{wallet_id}} */
	String name() {
		return this.method + " " + this.template;
	}

	/**
	 * @return the path variables when the request is for this route, else {@code null}
	 */
	Map<String, String> match(String requestMethod, String rawPath) {
		String[] expected = this.template.split("/", -1);
		String[] actual = rawPath.split("/", -1);
		if (!this.method.equals(requestMethod) || expected.length != actual.length) {
			return null;
		}
		Map<String, String> variables = new HashMap<>();
		for (int i = 0; i < expected.length; i++) {
			if (expected[i].startsWith("{") && !actual[i].isEmpty()) {
				variables.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
			}
			else if (!expected[i].equals(actual[i])) {
				return null;
			}
		}
		return variables;
	}

}
