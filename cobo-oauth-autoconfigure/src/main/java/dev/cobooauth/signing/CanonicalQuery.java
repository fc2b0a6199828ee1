package dev.cobooauth.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Rewrites a raw query into the one form that Cobo accepts whether it compares the raw query or
 * decodes and re-encodes it: the form of Python's {@code urllib.parse.urlencode}. This same string
 * is both sent and signed.
 * <p>
 * Each name and value is percent-decoded as UTF-8, then encoded again keeping only
 * {@code A-Z a-z 0-9 _ . - ~}, a space as {@code +}, every other byte as upper-case {@code %XX}.
 * A {@code +} already in the raw query is a literal plus (as in RFC 3986 and Spring's URI
 * builders) and so goes out as {@code %2B}. Parameters keep their order and repetitions.
 * Parameters with an empty value are left out, as Cobo's own SDKs leave them out, because a server
 * that re-encodes the query drops them and the signature would no longer match.
 */
final class CanonicalQuery {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private CanonicalQuery() {
	}

	/**
	 * @param rawQuery the query as a URI holds it (percent-encoded), without {@code ?}; may be null
	 * @return the canonical query, empty when there is none
	 * @throws IllegalArgumentException if the query holds a malformed percent escape
	 */
	public static String of(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		StringBuilder canonical = new StringBuilder(rawQuery.length() + 16);
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			if (name.isEmpty() || value.isEmpty()) {
				continue;
			}
			if (canonical.length() > 0) {
				canonical.append('&');
			}
			encode(decode(name), canonical).append('=');
			encode(decode(value), canonical);
		}
		return canonical.toString();
	}

	/**
	 * Encodes one decoded name or value the canonical way.
	 * @param text the decoded text
	 * @param out where to append it
	 * @return {@code out}
	 */
	static StringBuilder encode(String text, StringBuilder out) {
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if (isUnreserved(c)) {
				out.append((char) c);
			}
			else if (c == ' ') {
				out.append('+');
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return out;
	}

	private static boolean isUnreserved(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '-' || c == '~';
	}

	private static String decode(String encoded) {
		if (encoded.indexOf('%') < 0) {
			return encoded;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		int i = 0;
		while (i < encoded.length()) {
			int escape = encoded.indexOf('%', i);
			int literalEnd = (escape < 0) ? encoded.length() : escape;
			bytes.writeBytes(encoded.substring(i, literalEnd).getBytes(StandardCharsets.UTF_8));
			if (escape < 0) {
				break;
			}
			bytes.write(hexByte(encoded, escape));
			i = escape + 3;
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hexByte(String encoded, int at) {
		int high = (at + 1 < encoded.length()) ? Character.digit(encoded.charAt(at + 1), 16) : -1;
		int low = (at + 2 < encoded.length()) ? Character.digit(encoded.charAt(at + 2), 16) : -1;
		if (high < 0 || low < 0) {
			throw new IllegalArgumentException("Malformed percent escape at index " + at + " of query '" + encoded + "'");
		}
		return (high << 4) | low;
	}

}
