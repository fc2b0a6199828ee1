package dev.cobooauth.oauth2;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Reads the answer of a token endpoint. A success must hold an {@code access_token}; a missing
 * {@code token_type} means {@code Bearer}, and a missing or non-positive {@code expires_in} means
 * the lifetime Cobo documents for the operation (never "already expired"). A failure becomes a
 * {@link CoboTokenException} ({@link CoboTokenErrors}).
 */
final class CoboTokenResponseReader {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private static final Set<String> TOKEN_FIELDS = Set.of("access_token", "token_type", "expires_in", "refresh_token",
			"scope");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	private final Duration unsignedRetryAfterBound;

	/**
	 * @param clock what a {@code Retry-After} date is measured from
	 * @param unsignedRetryAfterBound the longest {@code Retry-After} of an unsigned answer honoured
	 */
	public CoboTokenResponseReader(Clock clock, Duration unsignedRetryAfterBound) {
		this.clock = clock;
		this.unsignedRetryAfterBound = unsignedRetryAfterBound;
	}

	/**
	 * Reads an answer that came unsigned with a status a proxy produces (414, 429, 502, 503): it
	 * may not come from Cobo, so its body is not read and its status alone decides.
	 * @param request the call that was made
	 * @param status the HTTP status of the answer
	 * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
	 * @return never
	 * @throws CoboTokenException always
	 */
	public OAuth2AccessTokenResponse readUnsigned(CoboTokenRequest request, int status, @Nullable String retryAfter) {
		throw CoboTokenErrors.fromUnsignedAnswer(request.operation(), status, retryAfter, this.clock,
				this.unsignedRetryAfterBound);
	}

	/**
	 * @param request the call that was made
	 * @param status the HTTP status of the answer
	 * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
	 * @param body the answer's body bytes
	 * @return the token response
	 * @throws CoboTokenException if the answer is an error or holds no usable token
	 */
	public OAuth2AccessTokenResponse read(CoboTokenRequest request, int status, @Nullable String retryAfter,
			byte[] body) {
		Map<String, Object> fields = parse(body);
		if (status < 200 || status > 299) {
			throw CoboTokenErrors.fromAnswer(request.operation(), status, fields, retryAfter, this.clock);
		}
		if (fields == null) {
			throw CoboTokenErrors.invalidResponse(request.operation(),
					"Cobo's answer (HTTP " + status + ") is not a JSON object", null);
		}
		return toResponse(request, fields);
	}

	private @Nullable Map<String, Object> parse(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			return this.json.readValue(body, JSON_OBJECT);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static OAuth2AccessTokenResponse toResponse(CoboTokenRequest request, Map<String, Object> fields) {
		CoboTokenOperation operation = request.operation();
		Object accessToken = fields.get("access_token");
		if (!(accessToken instanceof String value) || value.isBlank()) {
			throw CoboTokenErrors.invalidResponse(operation, "Cobo's answer has no access_token", null);
		}
		Object refreshToken = fields.get("refresh_token");
		return OAuth2AccessTokenResponse.withToken(value)
			.tokenType(tokenType(operation, fields.get("token_type")))
			.expiresIn(expiresIn(operation, fields.get("expires_in")))
			.scopes(scopes(fields.get("scope")))
			.refreshToken((refreshToken instanceof String text && !text.isBlank()) ? text : request.spentRefreshToken())
			.additionalParameters(additionalParameters(fields))
			.build();
	}

	private static OAuth2AccessToken.TokenType tokenType(CoboTokenOperation operation, @Nullable Object tokenType) {
		if (tokenType == null || (tokenType instanceof String text
				&& OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(text))) {
			return OAuth2AccessToken.TokenType.BEARER;
		}
		throw CoboTokenErrors.invalidResponse(operation,
				"Cobo's answer has token_type '" + tokenType + "'; only Bearer is supported", null);
	}

	private static long expiresIn(CoboTokenOperation operation, @Nullable Object expiresIn) {
		long seconds = 0;
		if (expiresIn instanceof Number number) {
			seconds = number.longValue();
		}
		else if (expiresIn instanceof String text && !text.isBlank()) {
			try {
				seconds = new BigDecimal(text.strip()).longValue();
			}
			catch (NumberFormatException ex) {
				throw CoboTokenErrors.invalidResponse(operation,
						"Cobo's answer has expires_in '" + text + "', which is not a number of seconds", ex);
			}
		}
		return (seconds > 0) ? seconds : operation.getDocumentedLifetime().toSeconds();
	}

	private static Set<String> scopes(@Nullable Object scope) {
		if (!(scope instanceof String text) || text.isBlank()) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
	}

	private static Map<String, Object> additionalParameters(Map<String, Object> fields) {
		Map<String, Object> additional = new LinkedHashMap<>(fields);
		additional.keySet().removeAll(TOKEN_FIELDS);
		return additional;
	}

}
