package dev.cobooauth.oauth2;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

import static dev.cobooauth.oauth2.CoboTokenOperation.EXCHANGE_PERMISSION_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.GET_ORG_ACCESS_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_ORG_ACCESS_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_PERMISSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class CoboTokenErrorsTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

	private static CoboTokenException answer(CoboTokenOperation operation, int status, Map<String, Object> body) {
		return CoboTokenErrors.fromAnswer(operation, status, body, null, CLOCK);
	}

	private static String codeOf(CoboTokenOperation operation, int status, Map<String, Object> body) {
		return answer(operation, status, body).getError().getErrorCode();
	}

	private static Map<String, Object> oauthError(String error) {
		return Map.of("error", error, "error_description", "refused");
	}

	private static Map<String, Object> coboError(int errorCode) {
		return Map.of("error_code", errorCode, "error_message", "refused", "error_id", "e-1");
	}

	@ParameterizedTest
	@EnumSource(CoboTokenOperation.class)
	void keepsTheCodeOfAnOAuthErrorBody(CoboTokenOperation operation) {
		assertThat(codeOf(operation, 400, oauthError("unauthorized_client"))).isEqualTo("unauthorized_client");
		assertThat(codeOf(operation, 401, oauthError(OAuth2ErrorCodes.INVALID_CLIENT)))
			.isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "invalid_token", "invalid_request", "expired_token", "invalid_grant" })
	void callsARefreshTokenDeadWhenARefreshIsRefusedAsAnInvalidToken(String error) {
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, 400, oauthError(error))).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
		assertThat(codeOf(REFRESH_PERMISSION_TOKEN, 401, oauthError(error))).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
	}

	@Test
	void callsARefreshTokenDeadWhateverTheStatusOfTheRefusal() {
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, 500, oauthError("expired_token")))
			.isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "invalid_token", "invalid_request", "expired_token" })
	void keepsAnInvalidTokenRefusalOfAnInitialGrantAsItIs(String error) {
		assertThat(codeOf(GET_ORG_ACCESS_TOKEN, 400, oauthError(error))).isEqualTo(error);
		assertThat(codeOf(EXCHANGE_PERMISSION_TOKEN, 400, oauthError(error))).isEqualTo(error);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2022, 2023, 2024 })
	void callsARequestCoboCouldNotAuthenticateInvalidClient(int errorCode) {
		for (CoboTokenOperation operation : CoboTokenOperation.values()) {
			assertThat(codeOf(operation, 401, coboError(errorCode))).as(operation.name())
				.isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
		}
	}

	@Test
	void callsAnAuthenticationFailureInvalidClientEvenUnderAServerStatus() {
		CoboTokenException failure = answer(REFRESH_ORG_ACCESS_TOKEN, 500, coboError(2023));

		assertThat(failure.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
		assertThat(failure.isTransient()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(CoboTokenOperation.class)
	void callsA429TemporarilyUnavailable(CoboTokenOperation operation) {
		assertThat(codeOf(operation, 429, Map.of())).isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2010, 2026 })
	void callsARateLimitErrorCodeTemporarilyUnavailableWhateverTheStatus(int errorCode) {
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, 429, coboError(errorCode)))
			.isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, 400, coboError(errorCode)))
			.isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
		assertThat(codeOf(GET_ORG_ACCESS_TOKEN, 403, coboError(errorCode)))
			.isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 599 })
	void callsAServerFailureTemporarilyUnavailable(int status) {
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, status, Map.of())).isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
		assertThat(codeOf(GET_ORG_ACCESS_TOKEN, status, coboError(1000)))
			.isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 404, 409, 422 })
	void callsAnyOtherClientErrorToARefreshInvalidGrant(int status) {
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, status, coboError(2006))).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
		assertThat(codeOf(REFRESH_PERMISSION_TOKEN, status, Map.of())).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 404, 409, 422 })
	void callsAnyOtherClientErrorToAnInitialGrantAccessDenied(int status) {
		assertThat(codeOf(GET_ORG_ACCESS_TOKEN, status, coboError(4001))).isEqualTo(OAuth2ErrorCodes.ACCESS_DENIED);
		assertThat(codeOf(EXCHANGE_PERMISSION_TOKEN, status, Map.of())).isEqualTo(OAuth2ErrorCodes.ACCESS_DENIED);
	}

	@Test
	void readsAnEmptyOAuthErrorAsNoneAndClassifiesByTheRest() {
		assertThat(codeOf(GET_ORG_ACCESS_TOKEN, 401, Map.of("error", "", "error_code", 2023)))
			.isEqualTo(OAuth2ErrorCodes.INVALID_CLIENT);
		assertThat(codeOf(REFRESH_ORG_ACCESS_TOKEN, 503, Map.of("error", " ")))
			.isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
	}

	@Test
	void classifiesABodyThatIsNotJsonByItsStatusAlone() {
		CoboTokenException failure = CoboTokenErrors.fromAnswer(REFRESH_ORG_ACCESS_TOKEN, 502, null, null, CLOCK);

		assertThat(failure.getError().getErrorCode()).isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
		assertThat(failure.getCoboError()).isEqualTo(new CoboErrorResponse(502, null, null, null, null, null));
		assertThat(CoboTokenErrors.fromAnswer(GET_ORG_ACCESS_TOKEN, 404, null, null, CLOCK).getError().getErrorCode())
			.isEqualTo(OAuth2ErrorCodes.ACCESS_DENIED);
	}

	@Test
	void keepsEverythingCoboSaid() {
		CoboTokenException failure = answer(GET_ORG_ACCESS_TOKEN, 403,
				Map.of("error_code", 2025, "error_message", "Forbidden", "error_id", "a1b2c3"));

		assertThat(failure.getCoboError()).isEqualTo(new CoboErrorResponse(403, null, null, 2025, "Forbidden", "a1b2c3"));
		assertThat(failure.getError().getDescription())
			.isEqualTo("Cobo answered HTTP 403, error_code=2025, error_message=Forbidden, error_id=a1b2c3");
		assertThat(failure.getOperation()).isEqualTo(GET_ORG_ACCESS_TOKEN);
		assertThat(failure.getCause()).isNull();
	}

	@Test
	void keepsTheOAuthFieldsOfARefusal() {
		CoboTokenException failure = answer(REFRESH_ORG_ACCESS_TOKEN, 400,
				Map.of("error", "expired_token", "error_description", "refresh token expired"));

		assertThat(failure.getCoboError().error()).isEqualTo("expired_token");
		assertThat(failure.getCoboError().errorDescription()).isEqualTo("refresh token expired");
	}

	@Test
	void namesTheOperationInItsMessage() {
		assertThat(answer(REFRESH_PERMISSION_TOKEN, 429, Map.of()).getMessage())
			.startsWith("Refresh Permission Access Token failed: Cobo answered HTTP 429");
	}

	@Test
	void readsTheRetryAfterOfTheAnswer() {
		CoboTokenException failure = CoboTokenErrors.fromAnswer(GET_ORG_ACCESS_TOKEN, 429, Map.of(), "7", CLOCK);

		assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void datesARetryAfterByTheGivenClock() {
		CoboTokenException failure = CoboTokenErrors.fromAnswer(GET_ORG_ACCESS_TOKEN, 503, Map.of(),
				"Sun, 01 Mar 2026 12:00:42 GMT", CLOCK);

		assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(42));
	}

	@Test
	void hasNoRetryAfterWhenTheAnswerHasNone() {
		assertThat(answer(GET_ORG_ACCESS_TOKEN, 429, Map.of()).getRetryAfter()).isNull();
	}

	@Test
	void callsANoAnswerTemporarilyUnavailable() {
		ConnectException cause = new ConnectException("Connection refused");

		CoboTokenException failure = CoboTokenErrors.unreachable(REFRESH_ORG_ACCESS_TOKEN, cause);

		assertThat(failure.getError().getErrorCode()).isEqualTo(CoboTokenErrors.TEMPORARILY_UNAVAILABLE);
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getCoboError()).isNull();
		assertThat(failure.getRetryAfter()).isNull();
		assertThat(failure.getCause()).isSameAs(cause);
		assertThat(failure.getOperation()).isEqualTo(REFRESH_ORG_ACCESS_TOKEN);
	}

	@Test
	void describesANoAnswerByItsCause() {
		CoboTokenException failure = CoboTokenErrors.unreachable(GET_ORG_ACCESS_TOKEN,
				new SocketTimeoutException("Read timed out"));

		assertThat(failure.getError().getDescription())
			.isEqualTo("no answer from Cobo (SocketTimeoutException: Read timed out)");
	}

	@Test
	void callsAnAnswerWithoutAUsableTokenInvalidTokenResponse() {
		IOException cause = new IOException("bad signature");

		CoboTokenException failure = CoboTokenErrors.invalidResponse(EXCHANGE_PERMISSION_TOKEN, "no access_token",
				cause);

		assertThat(failure.getError().getErrorCode()).isEqualTo(CoboTokenErrors.INVALID_TOKEN_RESPONSE);
		assertThat(failure.getError().getDescription()).isEqualTo("no access_token");
		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.getCoboError()).isNull();
		assertThat(failure.getCause()).isSameAs(cause);
	}

}
