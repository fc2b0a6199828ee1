package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void readsANumberOfSeconds() {
		assertThat(RetryAfter.parse("120", CLOCK)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void readsZeroSecondsAsNoWait() {
		assertThat(RetryAfter.parse("0", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresSurroundingWhitespace() {
		assertThat(RetryAfter.parse(" 7 ", CLOCK)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse("\tWed, 21 Oct 2015 07:28:05 GMT ", CLOCK)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void measuresAnHttpDateFromTheClock() {
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:29:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void measuresAnHttpDateFromTheClocksMillisecond() {
		Clock later = Clock.fixed(NOW.plusMillis(250), ZoneOffset.UTC);

		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:01 GMT", later)).isEqualTo(Duration.ofMillis(750));
	}

	@Test
	void readsAnHttpDateWithoutItsDayOfTheWeek() {
		assertThat(RetryAfter.parse("21 Oct 2015 07:28:10 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void waitsNotAtAllForADateInThePast() {
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void waitsNotAtAllForTheCurrentDate() {
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "\t" })
	void isAbsentWithoutAValue(String value) {
		assertThat(RetryAfter.parse(value, CLOCK)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "-5", "+5", "1.5", "5s", "0x10", "Wed, 32 Oct 2015 07:28:00 GMT",
			"2015-10-21T07:29:00Z", "Thu, 21 Oct 2015 07:29:00 GMT" })
	void isAbsentWhenUnreadable(String value) {
		assertThat(RetryAfter.parse(value, CLOCK)).isNull();
	}

	@Test
	void readsTheLargestNineDigitNumberOfSeconds() {
		assertThat(RetryAfter.parse("999999999", CLOCK)).isEqualTo(Duration.ofSeconds(999_999_999));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1000000000", "99999999999999999999999999" })
	void readsAVeryLargeNumberOfSecondsAsAtLeastAsLongAWaitAsASmallerOne(String value) {
		assertThat(RetryAfter.parse(value, CLOCK)).isNotNull()
			.isGreaterThanOrEqualTo(Duration.ofSeconds(999_999_999));
	}

}
