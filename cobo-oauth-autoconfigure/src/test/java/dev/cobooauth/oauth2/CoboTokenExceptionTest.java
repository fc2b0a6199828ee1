package dev.cobooauth.oauth2;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.client.ResourceAccessException;

import static dev.cobooauth.oauth2.CoboTokenOperation.GET_ORG_ACCESS_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_ORG_ACCESS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class CoboTokenExceptionTest {

	private static CoboTokenException answered(int status) {
		return CoboTokenErrors.fromAnswer(REFRESH_ORG_ACCESS_TOKEN, status, Map.of(), null, Clock.systemUTC());
	}

	private static CoboTokenException unreachable(Throwable cause) {
		return CoboTokenErrors.unreachable(REFRESH_ORG_ACCESS_TOKEN, cause);
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 503 })
	void isSurelyUnprocessedWhenCoboRefusedToServeIt(int status) {
		assertThat(answered(status).isSurelyUnprocessed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 504, 400, 401 })
	void mayHaveBeenProcessedWhenCoboAnsweredAnyOtherFailure(int status) {
		assertThat(answered(status).isSurelyUnprocessed()).isFalse();
	}

	@Test
	void isSurelyUnprocessedWhenNoConnectionWasMade() {
		assertThat(unreachable(new ConnectException("Connection refused")).isSurelyUnprocessed()).isTrue();
		assertThat(unreachable(new HttpConnectTimeoutException("connect timed out")).isSurelyUnprocessed()).isTrue();
	}

	@Test
	void findsTheRefusedConnectionBehindTheClientsWrapper() {
		ResourceAccessException wrapped = new ResourceAccessException("I/O error",
				new ConnectException("Connection refused"));

		assertThat(unreachable(wrapped).isSurelyUnprocessed()).isTrue();
	}

	@Test
	void mayHaveBeenProcessedWhenTheAnswerTimedOut() {
		assertThat(unreachable(new SocketTimeoutException("Read timed out")).isSurelyUnprocessed()).isFalse();
		assertThat(unreachable(new HttpTimeoutException("request timed out")).isSurelyUnprocessed()).isFalse();
		assertThat(unreachable(new ResourceAccessException("I/O error", new IOException("Connection reset")))
			.isSurelyUnprocessed()).isFalse();
	}

	@Test
	void mayHaveBeenProcessedWhenTheAnswerHeldNoUsableToken() {
		assertThat(CoboTokenErrors.invalidResponse(GET_ORG_ACCESS_TOKEN, "no access_token", null).isSurelyUnprocessed())
			.isFalse();
	}

	@Test
	void judgesByCobosAnswerRatherThanByTheCauseWhenThereIsAnAnswer() {
		CoboTokenException failure = new CoboTokenException(REFRESH_ORG_ACCESS_TOKEN,
				new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE),
				new CoboErrorResponse(500, null, null, 1000, null, null), new ConnectException("Connection refused"));

		assertThat(failure.isSurelyUnprocessed()).isFalse();
	}

	@Test
	void isTransientWhenTryingAgainLaterMaySucceed() {
		assertThat(answered(429).isTransient()).isTrue();
		assertThat(answered(500).isTransient()).isTrue();
		assertThat(unreachable(new SocketTimeoutException("Read timed out")).isTransient()).isTrue();
	}

	@Test
	void isNeverTransientForAnOAuthError() {
		for (String code : new String[] { OAuth2ErrorCodes.INVALID_GRANT, OAuth2ErrorCodes.INVALID_CLIENT,
				OAuth2ErrorCodes.ACCESS_DENIED, OAuth2ErrorCodes.SERVER_ERROR, CoboTokenErrors.INVALID_TOKEN_RESPONSE }) {
			CoboTokenException failure = new CoboTokenException(GET_ORG_ACCESS_TOKEN, new OAuth2Error(code), null, null);

			assertThat(failure.isTransient()).as(code).isFalse();
		}
	}

}
