package dev.cobooauth.signing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The checks the signing layer's builders make of what they are given, with messages that name the
 * argument.
 */
final class Arguments {

	private Arguments() {
	}

	/**
	 * @param value what was given
	 * @param name its name, for the message
	 * @param <T> its type
	 * @return the value
	 * @throws IllegalArgumentException if it is {@code null}
	 */
	static <T> T requireNonNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " cannot be null");
		}
		return value;
	}

	/**
	 * @param value what was given
	 * @param name its name, for the message
	 * @return the value
	 * @throws IllegalArgumentException if it is {@code null}, zero or negative
	 */
	static Duration requirePositive(@Nullable Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return value;
	}

}
