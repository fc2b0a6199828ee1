package dev.cobooauth.oauth2;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error as Cobo answered it. Token errors come OAuth style ({@code error},
 * {@code error_description}); other errors come as {@code error_code}, {@code error_message} and
 * {@code error_id}. Whichever fields the answer had are kept; the others are {@code null}.
 *
 * @param httpStatus the HTTP status
 * @param error the OAuth error code
 * @param errorDescription the OAuth error description
 * @param errorCode Cobo's numeric error code, e.g. 1000 or 2023
 * @param errorMessage Cobo's error message
 * @param errorId Cobo's id of this error occurrence, for its support
 */
public record CoboErrorResponse(int httpStatus, @Nullable String error, @Nullable String errorDescription,
		@Nullable Integer errorCode, @Nullable String errorMessage, @Nullable String errorId) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	/**
	 * Reads any error answer of Cobo, e.g. from a {@code RestClientResponseException} or a
	 * {@code WebClientResponseException} of a WaaS call:
	 * {@code CoboErrorResponse.read(ex.getStatusCode().value(), ex.getResponseBodyAsByteArray())}.
	 * @param httpStatus the answer's status
	 * @param body the answer's body; a body that is not a JSON object gives a response with only the
	 * status
	 * @return what Cobo said
	 */
	public static CoboErrorResponse read(int httpStatus, byte @Nullable [] body) {
		Map<String, Object> fields = null;
		if (body != null && body.length > 0) {
			try {
				fields = JSON.readValue(body, JSON_OBJECT);
			}
			catch (JacksonException ex) {
				fields = null;
			}
		}
		return of(httpStatus, (fields != null) ? fields : Map.of());
	}

	/**
	 * @param httpStatus the answer's status
	 * @param fields the fields of its JSON body
	 * @return what Cobo said
	 */
	static CoboErrorResponse of(int httpStatus, Map<String, Object> fields) {
		return new CoboErrorResponse(httpStatus, text(fields.get("error")), text(fields.get("error_description")),
				integer(fields.get("error_code")), text(fields.get("error_message")), text(fields.get("error_id")));
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable Integer integer(@Nullable Object value) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		if (value instanceof String text && text.matches("-?\\d{1,9}")) {
			return Integer.valueOf(text);
		}
		return null;
	}

	/**
	 * @return a one-line summary of everything Cobo said
	 */
	public String summary() {
		StringBuilder summary = new StringBuilder("HTTP ").append(this.httpStatus);
		if (this.error != null) {
			summary.append(", error=").append(this.error);
		}
		if (this.errorDescription != null) {
			summary.append(", error_description=").append(this.errorDescription);
		}
		if (this.errorCode != null) {
			summary.append(", error_code=").append(this.errorCode);
		}
		if (this.errorMessage != null) {
			summary.append(", error_message=").append(this.errorMessage);
		}
		if (this.errorId != null) {
			summary.append(", error_id=").append(this.errorId);
		}
		return summary.toString();
	}

}
