package dev.cobooauth.oauth2;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_ORG_ACCESS_TOKEN;
import static dev.cobooauth.oauth2.CoboTokenOperation.REFRESH_PERMISSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class RefreshFailuresTest {

	private static final String REGISTRATION = "cobo";

	/** What Spring Security's refresh providers throw: the token client's exception, wrapped. */
	private static ClientAuthorizationException refused(CoboTokenException cause) {
		return new ClientAuthorizationException(cause.getError(), REGISTRATION, cause);
	}

	private static CoboTokenException answered(int status, Map<String, Object> body) {
		return CoboTokenErrors.fromAnswer(REFRESH_ORG_ACCESS_TOKEN, status, body, null, Clock.systemUTC());
	}

	@Test
	void callsForANewGrantWhenCoboCallsTheRefreshTokenDead() {
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(400, Map.of("error", "invalid_grant")))))
			.isTrue();
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(401, Map.of("error", "expired_token")))))
			.isTrue();
	}

	@Test
	void callsForANewGrantOnInvalidGrantWhateverItsCause() {
		ClientAuthorizationException refused = new ClientAuthorizationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT), REGISTRATION);

		assertThat(RefreshFailures.calledForANewGrant(refused)).isTrue();
	}

	@Test
	void callsForANewGrantWhenARefreshTimedOutSinceCoboMayHaveRotatedTheToken() {
		CoboTokenException timedOut = CoboTokenErrors.unreachable(REFRESH_PERMISSION_TOKEN,
				new SocketTimeoutException("Read timed out"));

		assertThat(RefreshFailures.calledForANewGrant(refused(timedOut))).isTrue();
	}

	@Test
	void callsForANewGrantWhenARefreshFailedOnCobosSide() {
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(500, Map.of("error_code", 1000))))).isTrue();
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(502, Map.of())))).isTrue();
	}

	@Test
	void callsForANewGrantWhenARefreshFailedOnCobosSideWithAnOAuthErrorBody() {
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(500, Map.of("error", "server_error")))))
			.isTrue();
	}

	@Test
	void keepsTheRefreshTokenWhenCoboSurelyDidNotProcessTheRefresh() {
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(429, Map.of())))).isFalse();
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(503, Map.of())))).isFalse();
	}

	@Test
	void keepsTheFailureWhenCoboCouldNotAuthenticateTheClient() {
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(401, Map.of("error_code", 2023))))).isFalse();
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(401, Map.of("error", "invalid_client")))))
			.isFalse();
	}

	@Test
	void keepsTheFailureWhenAccessIsDenied() {
		assertThat(RefreshFailures.calledForANewGrant(refused(answered(403, Map.of("error", "access_denied")))))
			.isFalse();
	}

	@Test
	void keepsTheFailureWhenTheAnswerHeldNoUsableToken() {
		CoboTokenException unusable = CoboTokenErrors.invalidResponse(REFRESH_ORG_ACCESS_TOKEN, "no access_token",
				null);

		assertThat(RefreshFailures.calledForANewGrant(refused(unusable))).isFalse();
	}

	@Test
	void keepsATransientLookingFailureThatCoboDidNotCause() {
		OAuth2AuthorizationException interrupted = new OAuth2AuthorizationException(
				new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE, "Interrupted before retrying", null),
				new InterruptedException());
		ClientAuthorizationException refused = new ClientAuthorizationException(interrupted.getError(), REGISTRATION,
				interrupted);

		assertThat(RefreshFailures.calledForANewGrant(refused)).isFalse();
	}

	@Test
	void ignoresAFailureThatIsNotAClientAuthorizationException() {
		assertThat(RefreshFailures.calledForANewGrant(answered(400, Map.of("error", "invalid_grant")))).isFalse();
		assertThat(RefreshFailures.calledForANewGrant(new IllegalStateException("store down"))).isFalse();
	}

}
