package dev.cobooauth.oauth2;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.cobooauth.oauth2.CoboTokenOperation.EXCHANGE_PERMISSION_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.GET_ORG_ACCESS_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_ORG_ACCESS_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_PERMISSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CoboTokenRetryTest {

	private static final int SAMPLES = 200;

	private final CoboTokenRetry retry = new CoboTokenRetry(5, Duration.ofMillis(100), Duration.ofSeconds(1));

	private static CoboTokenException answered(CoboTokenOperation operation, int status, String retryAfter) {
		return CoboTokenErrors.fromAnswer(operation, status, Map.of(), retryAfter, Clock.systemUTC());
	}

	private static CoboTokenException answered(CoboTokenOperation operation, int status) {
		return answered(operation, status, null);
	}

	private static CoboTokenException oauthError(CoboTokenOperation operation, String error, String retryAfter) {
		return CoboTokenErrors.fromAnswer(operation, 400, Map.of("error", error), retryAfter, Clock.systemUTC());
	}

	private static CoboTokenException timedOut(CoboTokenOperation operation) {
		return CoboTokenErrors.unreachable(operation, new SocketTimeoutException("Read timed out"));
	}

	private static CoboTokenException refused(CoboTokenOperation operation) {
		return CoboTokenErrors.unreachable(operation, new ConnectException("Connection refused"));
	}

	private void assertDelaysBetween(CoboTokenException failure, int attempt, long minMillis, long maxMillis) {
		for (int i = 0; i < SAMPLES; i++) {
			assertThat(this.retry.delayAfter(failure, attempt)).as("attempt %d", attempt)
				.isBetween(Duration.ofMillis(minMillis), Duration.ofMillis(maxMillis));
		}
	}

	@ParameterizedTest
	@EnumSource(CoboTokenOperation.class)
	void neverRetriesAnOAuthError(CoboTokenOperation operation) {
		assertThat(this.retry.delayAfter(oauthError(operation, "invalid_grant", null), 1)).isNull();
		assertThat(this.retry.delayAfter(oauthError(operation, "unauthorized_client", null), 1)).isNull();
		assertThat(this.retry.delayAfter(answered(operation, 401, null), 1)).isNull();
	}

	@Test
	void neverRetriesAnOAuthErrorEvenWhenCoboSaysWhenToRetry() {
		assertThat(this.retry.delayAfter(oauthError(GET_ORG_ACCESS_TOKEN, "access_denied", "1"), 1)).isNull();
	}

	@Test
	void neverRetriesAnAnswerWithoutAUsableToken() {
		assertThat(this.retry.delayAfter(
				CoboTokenErrors.invalidResponse(GET_ORG_ACCESS_TOKEN, "no access_token", null), 1)).isNull();
	}

	@Test
	void retriesUntilTheAttemptLimit() {
		CoboTokenException failure = answered(GET_ORG_ACCESS_TOKEN, 503);

		assertThat(this.retry.delayAfter(failure, 4)).isNotNull();
		assertThat(this.retry.delayAfter(failure, 5)).isNull();
		assertThat(this.retry.delayAfter(failure, 6)).isNull();
	}

	@Test
	void neverRetriesWhenOneAttemptIsAllowed() {
		CoboTokenRetry once = new CoboTokenRetry(1, Duration.ofMillis(100), Duration.ofSeconds(1));

		assertThat(once.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 503), 1)).isNull();
	}

	@Test
	void reportsItsAttemptLimit() {
		assertThat(this.retry.getMaxAttempts()).isEqualTo(5);
	}

	@ParameterizedTest
	@EnumSource(value = CoboTokenOperation.class, names = { "GET_ORG_ACCESS_TOKEN", "EXCHANGE_PERMISSION_TOKEN" })
	void retriesAnInitialGrantAfterAnyTransientFailure(CoboTokenOperation operation) {
		assertThat(this.retry.delayAfter(answered(operation, 500), 1)).isNotNull();
		assertThat(this.retry.delayAfter(answered(operation, 502), 1)).isNotNull();
		assertThat(this.retry.delayAfter(answered(operation, 429), 1)).isNotNull();
		assertThat(this.retry.delayAfter(timedOut(operation), 1)).isNotNull();
		assertThat(this.retry.delayAfter(refused(operation), 1)).isNotNull();
	}

	@ParameterizedTest
	@EnumSource(value = CoboTokenOperation.class, names = { "REFRESH_ORG_ACCESS_TOKEN", "REFRESH_PERMISSION_TOKEN" })
	void retriesARefreshThatCoboSurelyDidNotProcess(CoboTokenOperation operation) {
		assertThat(this.retry.delayAfter(answered(operation, 429), 1)).isNotNull();
		assertThat(this.retry.delayAfter(answered(operation, 503), 1)).isNotNull();
		assertThat(this.retry.delayAfter(refused(operation), 1)).isNotNull();
	}

	@ParameterizedTest
	@EnumSource(value = CoboTokenOperation.class, names = { "REFRESH_ORG_ACCESS_TOKEN", "REFRESH_PERMISSION_TOKEN" })
	void neverRetriesARefreshThatCoboMayHaveProcessed(CoboTokenOperation operation) {
		assertThat(this.retry.delayAfter(answered(operation, 500), 1)).isNull();
		assertThat(this.retry.delayAfter(answered(operation, 502), 1)).isNull();
		assertThat(this.retry.delayAfter(answered(operation, 504), 1)).isNull();
		assertThat(this.retry.delayAfter(timedOut(operation), 1)).isNull();
	}

	@Test
	void neverRetriesARefreshThatCoboMayHaveProcessedEvenWhenCoboSaysWhenToRetry() {
		assertThat(this.retry.delayAfter(answered(REFRESH_ORG_ACCESS_TOKEN, 500, "1"), 1)).isNull();
	}

	@Test
	void waitsAsLongAsCoboAsks() {
		assertThat(this.retry.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 429, "3"), 1)).isEqualTo(Duration.ofSeconds(3));
		assertThat(this.retry.delayAfter(answered(REFRESH_PERMISSION_TOKEN, 503, "2"), 1))
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void waitsAsCoboAsksEvenLongerThanTheMaximumBackoff() {
		assertThat(this.retry.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 429, "20"), 1))
			.isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void retriesAtOnceWhenCoboAsksForNoWait() {
		assertThat(this.retry.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 429, "0"), 1)).isEqualTo(Duration.ZERO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "31", "120", "999999999" })
	void waitsNoLongerThanThirtySecondsWhateverCoboAsks(String retryAfter) {
		assertThat(this.retry.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 429, retryAfter), 1))
			.isEqualTo(CoboTokenRetry.MAX_RETRY_AFTER)
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void waitsExactlyThirtySecondsWhenCoboAsksForThirty() {
		assertThat(this.retry.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 429, "30"), 1)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void backsOffWithAnUnreadableRetryAfter() {
		assertDelaysBetween(answered(GET_ORG_ACCESS_TOKEN, 429, "soon"), 1, 50, 100);
	}

	@Test
	void doublesTheBackoffAfterEachAttemptWithJitterBetweenHalfAndAll() {
		CoboTokenException failure = answered(EXCHANGE_PERMISSION_TOKEN, 503);

		assertDelaysBetween(failure, 1, 50, 100);
		assertDelaysBetween(failure, 2, 100, 200);
		assertDelaysBetween(failure, 3, 200, 400);
		assertDelaysBetween(failure, 4, 400, 800);
	}

	@Test
	void capsTheBackoffAtTheMaximum() {
		CoboTokenRetry many = new CoboTokenRetry(100, Duration.ofMillis(100), Duration.ofSeconds(1));
		CoboTokenException failure = answered(GET_ORG_ACCESS_TOKEN, 500);

		for (int attempt : new int[] { 5, 10, 21, 22, 64, 99 }) {
			for (int i = 0; i < SAMPLES; i++) {
				assertThat(many.delayAfter(failure, attempt)).as("attempt %d", attempt)
					.isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
			}
		}
	}

	@Test
	void capsALongBackoffWithoutOverflowing() {
		CoboTokenRetry slow = new CoboTokenRetry(Integer.MAX_VALUE, Duration.ofHours(1), Duration.ofDays(1));
		CoboTokenException failure = answered(GET_ORG_ACCESS_TOKEN, 500);

		assertThat(slow.delayAfter(failure, Integer.MAX_VALUE - 1)).isBetween(Duration.ofHours(12), Duration.ofDays(1));
	}

	@Test
	void spreadsTheBackoffOfSimultaneousFailures() {
		CoboTokenException failure = answered(GET_ORG_ACCESS_TOKEN, 503);
		Set<Duration> delays = new HashSet<>();

		for (int i = 0; i < SAMPLES; i++) {
			delays.add(this.retry.delayAfter(failure, 3));
		}

		assertThat(delays).hasSizeGreaterThan(10);
	}

	@Test
	void retriesAtOnceWithAZeroBackoff() {
		CoboTokenRetry immediate = new CoboTokenRetry(3, Duration.ZERO, Duration.ZERO);

		assertThat(immediate.delayAfter(answered(GET_ORG_ACCESS_TOKEN, 503), 2)).isEqualTo(Duration.ZERO);
	}

	@Test
	void refusesLessThanOneAttempt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CoboTokenRetry(0, Duration.ZERO, Duration.ZERO))
			.withMessageContaining("maxAttempts");
	}

	@Test
	void refusesANegativeOrMissingInitialBackoff() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CoboTokenRetry(3, Duration.ofMillis(-1), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new CoboTokenRetry(3, null, Duration.ofSeconds(1)));
	}

	@Test
	void refusesAMaximumBackoffBelowTheInitialOrMissing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CoboTokenRetry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new CoboTokenRetry(3, Duration.ofSeconds(1), null));
	}

}
