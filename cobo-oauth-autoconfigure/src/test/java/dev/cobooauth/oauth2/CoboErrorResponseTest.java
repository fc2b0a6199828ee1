package dev.cobooauth.oauth2;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoboErrorResponseTest {

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsCobosErrorShape() {
		CoboErrorResponse answer = CoboErrorResponse.read(404,
				utf8("{\"error_code\":2006,\"error_message\":\"Wallet not found\",\"error_id\":\"e-1\"}"));

		assertThat(answer).isEqualTo(new CoboErrorResponse(404, null, null, 2006, "Wallet not found", "e-1"));
		assertThat(answer.summary()).isEqualTo("HTTP 404, error_code=2006, error_message=Wallet not found, error_id=e-1");
	}

	@Test
	void readsTheOAuthShape() {
		CoboErrorResponse answer = CoboErrorResponse.read(400,
				utf8("{\"error\":\"invalid_grant\",\"error_description\":\"used\"}"));

		assertThat(answer.error()).isEqualTo("invalid_grant");
		assertThat(answer.errorDescription()).isEqualTo("used");
		assertThat(answer.errorCode()).isNull();
	}

	@Test
	void takesANumericErrorCodeGivenAsText() {
		assertThat(CoboErrorResponse.read(500, utf8("{\"error_code\":\"1000\"}")).errorCode()).isEqualTo(1000);
	}

	@Test
	void keepsOnlyTheStatusOfABodyThatIsNotAJsonObject() {
		assertThat(CoboErrorResponse.read(502, utf8("<html>bad gateway</html>")))
			.isEqualTo(new CoboErrorResponse(502, null, null, null, null, null));
		assertThat(CoboErrorResponse.read(503, new byte[0]).summary()).isEqualTo("HTTP 503");
		assertThat(CoboErrorResponse.read(500, null).httpStatus()).isEqualTo(500);
	}

}
