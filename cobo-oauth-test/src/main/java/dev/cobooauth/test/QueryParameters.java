package dev.cobooauth.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The received query as Cobo's server most likely reads it: decoded the way Python's
 * {@code urllib.parse.parse_qsl(raw, keep_blank_values=False)} decodes, and encoded again the way
 * {@code urllib.parse.urlencode} encodes. The re-encoded form is the QUERY part of the string the
 * simulator verifies the signature over.
 * <p>
 * Written apart from the client's {@code CanonicalQuery} on purpose: two independent implementations
 * of one rule catch each other's mistakes.
 * <p>
 * Decoding: pairs split on {@code &}; a pair without {@code =} or with an empty value is dropped;
 * {@code +} is a space; {@code %XX} is a byte, and a {@code %} not followed by two hex digits stays
 * literal; bytes are read as UTF-8, malformed ones becoming U+FFFD. Encoding ({@code quote_plus}):
 * {@code A-Z a-z 0-9 _ . - ~} stay, a space becomes {@code +}, every other UTF-8 byte becomes upper-case
 * {@code %XX}. Order and repeated names are kept.
 */
final class QueryParameters {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final List<String[]> pairs;

	private QueryParameters(List<String[]> pairs) {
		this.pairs = pairs;
	}

	/**
	 * @param rawQuery the query as received, without {@code ?}; may be null
	 * @return the decoded parameters
	 */
	static QueryParameters parse(String rawQuery) {
		List<String[]> pairs = new ArrayList<>();
		if (rawQuery == null) {
			return new QueryParameters(pairs);
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			if (equals < 0 || equals == pair.length() - 1) {
				continue;
			}
			pairs.add(new String[] { decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)) });
		}
		return new QueryParameters(pairs);
	}

	/** @return the first value of the parameter, decoded, or {@code null} when it was not sent */
	String first(String name) {
		for (String[] pair : this.pairs) {
			if (pair[0].equals(name)) {
				return pair[1];
			}
		}
		return null;
	}

	/** @return the parameters encoded again as Python's {@code urlencode} does; empty when there are none */
	String reencoded() {
		StringBuilder query = new StringBuilder();
		for (String[] pair : this.pairs) {
			if (query.length() > 0) {
				query.append('&');
			}
			quotePlus(pair[0], query).append('=');
			quotePlus(pair[1], query);
		}
		return query.toString();
	}

	private static String decode(String raw) {
		// '%' and hex digits are ASCII, so they never occur inside a multi-byte UTF-8 sequence.
		byte[] in = raw.replace('+', ' ').getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		for (int i = 0; i < in.length; i++) {
			int high = (in[i] == '%' && i + 2 < in.length) ? Character.digit(in[i + 1], 16) : -1;
			int low = (high >= 0) ? Character.digit(in[i + 2], 16) : -1;
			if (low >= 0) {
				out.write((high << 4) | low);
				i += 2;
			}
			else {
				out.write(in[i]);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static StringBuilder quotePlus(String text, StringBuilder out) {
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| c == '-' || c == '~') {
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

}
