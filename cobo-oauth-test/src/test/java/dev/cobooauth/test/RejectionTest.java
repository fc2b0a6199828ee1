package dev.cobooauth.test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each refusal answers the status and {@code error_code} of Cobo's error reference (or the OAuth
 * {@code error} of a failed grant): the table a client's error handling is written against.
 */
class RejectionTest {

	@ParameterizedTest
	@CsvSource({ "MISSING_HEADERS, 401, 2022", "MISSING_TOKEN, 401, 2022", "UNKNOWN_API_KEY, 401, 2024",
			"INVALID_NONCE, 401, 2023", "BAD_SIGNATURE, 401, 2023",
			"REPLAYED_REQUEST, 401, 2023", "EXPIRED_TOKEN, 500, 1000", "MISSING_PARAMETER, 400, 2003",
			"BAD_PARAMETER, 400, 2006", "NOT_FOUND, 404, 2028", "DUPLICATE_REQUEST_ID, 400, 12009",
			"INTERNAL_ERROR, 500, 1000" })
	void answersCobosErrorCode(Rejection rejection, int status, int errorCode) {
		assertThat(rejection.httpStatus()).isEqualTo(status);
		assertThat(rejection.errorCode()).isEqualTo(errorCode);
		assertThat(rejection.oauthError()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "INVALID_CLIENT, 401, invalid_client", "INVALID_REQUEST, 400, invalid_request",
			"UNSUPPORTED_GRANT_TYPE, 400, unsupported_grant_type", "APP_NOT_INSTALLED, 400, unauthorized_client",
			"INVALID_GRANT, 400, invalid_grant", "INVALID_TOKEN, 401, invalid_token" })
	void answersAFailedGrantInOAuthsShape(Rejection rejection, int status, String error) {
		assertThat(rejection.httpStatus()).isEqualTo(status);
		assertThat(rejection.oauthError()).isEqualTo(error);
		assertThat(rejection.errorCode()).isZero();
	}

}
