package dev.cobooauth.testsupport;

import java.nio.charset.StandardCharsets;

import dev.cobooauth.signing.CoboSigner;
import mockwebserver3.MockResponse;

/**
 * Builds MockWebServer responses signed the way Cobo signs them.
 */
public final class SignedResponses {

	/**
	 * For a test that moves the application's {@code coboClock} by hand: MockWebServer's answers
	 * are signed at the wall clock's time, which the moved clock would find stale. Freshness
	 * itself is tested apart (SignedExchangeContract).
	 */
	public static final String MOVED_CLOCK_TOLERANCE = "cobo.response-verification.tolerance=3650d";

	private SignedResponses() {
	}

	/**
	 * @param status the status
	 * @param json the body
	 * @return a response signed by {@link TestKeys#cobo()} with hyphenated headers
	 */
	public static MockResponse signed(int status, String json) {
		return signed(status, json, "BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE");
	}

	/**
	 * @param status the status
	 * @param json the body
	 * @param timestampHeader the spelling of the timestamp header
	 * @param signatureHeader the spelling of the signature header
	 * @return a response signed by {@link TestKeys#cobo()}
	 */
	public static MockResponse signed(int status, String json, String timestampHeader, String signatureHeader) {
		return signedBy(TestKeys.cobo(), status, json, timestampHeader, signatureHeader);
	}

	/**
	 * @param key the key to sign with
	 * @param status the status
	 * @param json the body
	 * @param timestampHeader the spelling of the timestamp header
	 * @param signatureHeader the spelling of the signature header
	 * @return a signed response
	 */
	public static MockResponse signedBy(CoboSigner key, int status, String json, String timestampHeader,
			String signatureHeader) {
		return signedAt(key, System.currentTimeMillis(), status, json, timestampHeader, signatureHeader);
	}

	/**
	 * @param timestampMillis the BIZ-TIMESTAMP signed and sent
	 * @param status the status
	 * @param json the body
	 * @return a response signed by {@link TestKeys#cobo()} at that time, with hyphenated headers
	 */
	public static MockResponse signedAt(long timestampMillis, int status, String json) {
		return signedAt(TestKeys.cobo(), timestampMillis, status, json, "BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE");
	}

	private static MockResponse signedAt(CoboSigner key, long timestampMillis, int status, String json,
			String timestampHeader, String signatureHeader) {
		String timestamp = Long.toString(timestampMillis);
		String signature = key.sign(ResponseDigest.of(json.getBytes(StandardCharsets.UTF_8), timestamp));
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.addHeader(timestampHeader, timestamp)
			.addHeader(signatureHeader, signature)
			.body(json)
			.build();
	}

	/**
	 * @param status the status
	 * @param json the body
	 * @return a response without any signature
	 */
	public static MockResponse unsigned(int status, String json) {
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(json).build();
	}

}
