package dev.cobooauth.signing;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * Recognises Cobo's refusal of a request's signature: 401 with {@code error_code} 2023 ("API
 * signature validation failed"), which is also Cobo's answer to a nonce and signature it saw before
 * (two instances sharing a key that signed the same request in the same millisecond) and to a
 * nonce outside its window. Such a request was not processed, so it may be signed afresh and sent
 * once more, whatever its method. Other 401s (2022 missing headers, 2024 an unknown key) would be
 * refused again and are not resent.
 */
final class RefusedSignatures {

	/** Cobo's error code for a signature it refused. */
	static final int SIGNATURE_REFUSED = 2023;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RefusedSignatures() {
	}

	/**
	 * @param status an answer's status
	 * @return whether its body must be read to tell ({@link #isRefusedSignature})
	 */
	static boolean mayBe(int status) {
		return status == 401;
	}

	/**
	 * @param status an answer's status
	 * @param body its body
	 * @return whether Cobo refused the request's signature, and did not process it
	 */
	static boolean isRefusedSignature(int status, byte @Nullable [] body) {
		return mayBe(status) && body != null && errorCodeOf(body) == SIGNATURE_REFUSED;
	}

	/**
	 * @param method the refused request's method
	 * @param uri its URI
	 * @return a log line, without the query's values
	 */
	static String describeResend(HttpMethod method, URI uri) {
		return "Cobo refused the signature of " + method + " " + uri.getRawPath() + " (error_code "
				+ SIGNATURE_REFUSED + ", e.g. a nonce and signature another instance sharing the key sent first); "
				+ "it was not processed and is signed afresh and sent once more";
	}

	private static int errorCodeOf(byte[] body) {
		try {
			JsonNode code = JSON.readTree(body).get("error_code");
			return (code != null) ? code.asInt(-1) : -1;
		}
		catch (JacksonException ex) {
			return -1;
		}
	}

}
