package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A webhook event or callback message whose Cobo signature, timestamp and novelty were verified:
 * the exact body bytes Cobo signed and when Cobo says it sent them. Declare a
 * {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery} parameter of this type
 * to get both.
 */
public final class CoboDelivery {

	private final byte[] body;

	private final Instant timestamp;

	/**
	 * @param body the exact body bytes, as signed
	 * @param timestamp when Cobo sent the delivery ({@code BIZ-TIMESTAMP})
	 */
	public CoboDelivery(byte[] body, Instant timestamp) {
		if (body == null || timestamp == null) {
			throw new IllegalArgumentException("body and timestamp cannot be null");
		}
		this.body = body.clone();
		this.timestamp = timestamp;
	}

	/** @return a copy of the exact body bytes */
	public byte[] body() {
		return this.body.clone();
	}

	/** @return the body as UTF-8 text */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** @return when Cobo sent the delivery */
	public Instant timestamp() {
		return this.timestamp;
	}

	@Override
	public String toString() {
		return "CoboDelivery[" + this.body.length + " bytes, sent at " + this.timestamp + "]";
	}

}
