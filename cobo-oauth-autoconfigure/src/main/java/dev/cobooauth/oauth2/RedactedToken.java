package dev.cobooauth.oauth2;

import org.jspecify.annotations.Nullable;

/**
 * A token value as it may appear in a log line or a message: a short prefix and an ellipsis, enough
 * to tell two tokens apart, never enough to use one. Short values show even less, so the prefix is
 * at most a quarter of the token.
 */
final class RedactedToken {

	private static final int MAX_SHOWN = 4;

	private RedactedToken() {
	}

	/**
	 * @param tokenValue a token, or {@code null}
	 * @return at most its first four characters (a quarter of it for a short one) and {@code …}
	 */
	public static String of(@Nullable String tokenValue) {
		if (tokenValue == null) {
			return "null";
		}
		int shown = Math.min(MAX_SHOWN, tokenValue.length() / 4);
		return tokenValue.substring(0, shown) + "\u2026";
	}

}
