package dev.cobooauth.oauth2;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class DeadTokenAnswerTest {

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void callsA401DeadUnlessItsErrorCodeNamesAnotherProblem() {
		assertThat(DeadTokenAnswer.needsBody(401)).isTrue();
		assertThat(DeadTokenAnswer.isDeadToken(401, null)).isTrue();
		assertThat(DeadTokenAnswer.isDeadToken(401, utf8(""))).isTrue();
		assertThat(DeadTokenAnswer.isDeadToken(401, utf8("{\"error\":\"invalid_token\"}"))).isTrue();
		assertThat(DeadTokenAnswer.isDeadToken(401, utf8("{\"error_code\":1000}"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 2022, 2023, 2024, 2025, 4001 })
	void neverCallsATokenDeadForASignatureKeyHeaderOrPermissionError(int errorCode) {
		byte[] body = utf8("{\"error_code\":" + errorCode + ",\"error_message\":\"refused\"}");

		assertThat(DeadTokenAnswer.isDeadToken(401, body)).isFalse();
		assertThat(DeadTokenAnswer.isDeadToken(403, body)).isFalse();
	}

	@Test
	void callsA500WithErrorCode1000Dead() {
		byte[] body = utf8("{\"error_code\":1000,\"error_message\":\"Internal error\",\"error_id\":\"e-1\"}");

		assertThat(DeadTokenAnswer.needsBody(500)).isTrue();
		assertThat(DeadTokenAnswer.isDeadToken(500, body)).isTrue();
	}

	@Test
	void readsErrorCode1000GivenAsText() {
		assertThat(DeadTokenAnswer.isDeadToken(500, utf8("{\"error_code\":\"1000\"}"))).isTrue();
	}

	@Test
	void keepsTheTokenOnA500WithAnotherErrorCode() {
		assertThat(DeadTokenAnswer.isDeadToken(500, utf8("{\"error_code\":2006}"))).isFalse();
		assertThat(DeadTokenAnswer.isDeadToken(500, utf8("{\"error_code\":10000}"))).isFalse();
	}

	@Test
	void keepsTheTokenOnA500WithoutAnErrorCode() {
		assertThat(DeadTokenAnswer.isDeadToken(500, utf8("{\"error_message\":\"Internal error\"}"))).isFalse();
		assertThat(DeadTokenAnswer.isDeadToken(500, utf8("{\"error_code\":null}"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "<html>Internal Server Error</html>", "{\"error_code\":1000", "[1000]", "1000",
			"null", "{\"error_code\":{\"code\":1000}}", "{\"error_code\":\"internal\"}" })
	void keepsTheTokenOnA500WithAnUnreadableBody(String body) {
		assertThat(DeadTokenAnswer.isDeadToken(500, utf8(body))).isFalse();
	}

	@Test
	void keepsTheTokenOnA500WhoseBodyWasNotRead() {
		assertThat(DeadTokenAnswer.isDeadToken(500, null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 400, 403, 404, 429, 502, 503 })
	void keepsTheTokenOnAnyOtherStatusWhateverItsBody(int status) {
		assertThat(DeadTokenAnswer.needsBody(status)).isFalse();
		assertThat(DeadTokenAnswer.isDeadToken(status, utf8("{\"error_code\":1000}"))).isFalse();
	}

	@Test
	void replaysOnlyGetAndHead() {
		assertThat(DeadTokenAnswer.isReplayable(HttpMethod.GET)).isTrue();
		assertThat(DeadTokenAnswer.isReplayable(HttpMethod.HEAD)).isTrue();
	}

	@Test
	void neverReplaysAMethodThatMayHaveActed() {
		for (HttpMethod method : new HttpMethod[] { HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
				HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE, HttpMethod.valueOf("PURGE") }) {
			assertThat(DeadTokenAnswer.isReplayable(method)).as(method.name()).isFalse();
		}
	}

	@Test
	void describesAReplay() {
		assertThat(DeadTokenAnswer.describe("org-1", 401, HttpMethod.GET, true)).isEqualTo(
				"Cobo answered HTTP 401 to the Org Access Token of org org-1; it is marked dead, its refresh token kept and the GET sent once more"
						+ " with a new one");
	}

	@Test
	void describesARequestThatIsNotSentAgain() {
		assertThat(DeadTokenAnswer.describe("org-1", 500, HttpMethod.POST, false)).isEqualTo(
				"Cobo answered HTTP 500 to the Org Access Token of org org-1; it is marked dead, its refresh token kept, the POST is not sent again");
	}

}
