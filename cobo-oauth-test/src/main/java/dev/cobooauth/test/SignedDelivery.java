package dev.cobooauth.test;

import java.util.Map;

/**
 * A webhook event or callback signed as Cobo signs its deliveries ({@code BIZ-TIMESTAMP} and
 * {@code BIZ-RESP-SIGNATURE} over {@code body|timestamp}), for a test to post to the application.
 *
 * @param body the delivery's JSON body
 * @param timestamp the {@code BIZ-TIMESTAMP} value, milliseconds
 * @param signature the {@code BIZ-RESP-SIGNATURE} value, hex
 */
public record SignedDelivery(String body, String timestamp, String signature) {

	/** @return the two signature headers, as Cobo sends them */
	public Map<String, String> headers() {
		return Map.of("BIZ-TIMESTAMP", this.timestamp, "BIZ-RESP-SIGNATURE", this.signature);
	}

}
