package dev.cobooauth.signing;

import java.net.URI;

/**
 * Puts a request URI into the form that is both sent and signed: the same URI with its query
 * rewritten by {@link CanonicalQuery}. It reads the URI a client built, where a {@code +} is a
 * literal plus as in Spring's URI builders, so it is applied once, by the signing interceptor or
 * filter that runs last: a canonical query holding a space ({@code +}) would be read again as a
 * plus.
 */
final class CanonicalUri {

	private CanonicalUri() {
	}

	/**
	 * @param uri the URI the client built
	 * @return the same URI when rewriting its query changes nothing, else a copy with the canonical
	 * query
	 */
	public static URI of(URI uri) {
		String rawQuery = uri.getRawQuery();
		String canonical = CanonicalQuery.of(rawQuery);
		if (canonical.equals((rawQuery != null) ? rawQuery : "")) {
			return uri;
		}
		StringBuilder text = new StringBuilder();
		text.append(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(pathOf(uri));
		if (!canonical.isEmpty()) {
			text.append('?').append(canonical);
		}
		return URI.create(text.toString());
	}

	/**
	 * @param uri a request URI
	 * @return its raw path as it goes on the request line, {@code /} when empty
	 */
	public static String pathOf(URI uri) {
		String path = uri.getRawPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

	/**
	 * @param uri a canonical request URI
	 * @return its raw query, empty when there is none
	 */
	public static String queryOf(URI uri) {
		String query = uri.getRawQuery();
		return (query != null) ? query : "";
	}

}
