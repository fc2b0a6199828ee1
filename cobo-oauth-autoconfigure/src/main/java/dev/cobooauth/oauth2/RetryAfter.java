package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: a number of seconds, or an HTTP date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * @param value the header value, or {@code null}
	 * @param clock what an HTTP date is measured from
	 * @return how long to wait, or {@code null} when the header is absent or unreadable
	 */
	static @Nullable Duration parse(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			// Any number of digits is valid; one too large to count is as long a wait as can be.
			return (text.length() <= 18) ? Duration.ofSeconds(Long.parseLong(text)) : Duration.ofSeconds(Long.MAX_VALUE);
		}
		try {
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
