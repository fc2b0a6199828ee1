package dev.cobooauth.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;

/**
 * Decides whether a webhook event or callback message comes from Cobo and is fresh: it must carry
 * {@code BIZ-TIMESTAMP} and {@code BIZ-RESP-SIGNATURE} (hyphens or underscores, any case), its
 * timestamp must be within the tolerance of now, its signature must verify with Cobo's key over
 * {@code SHA-256(SHA-256(body|timestamp))}, and the same signed delivery must not have been accepted
 * before. Checks run cheapest first, and only a verified delivery is remembered for replay
 * detection. Thread-safe.
 */
public final class CoboDeliveryVerifier {

	private static final Log logger = LogFactory.getLog(CoboDeliveryVerifier.class);

	private final CoboSignatureVerifier cobosKey;

	private final Duration tolerance;

	private final SeenDeliveries seen;

	private final Clock clock;

	/**
	 * @param cobosKey the Ed25519 key Cobo signs deliveries with (the environment's)
	 * @param tolerance how far a delivery's timestamp may be from now, either way
	 * @param seen the deliveries accepted lately
	 * @param clock the clock timestamps are compared with
	 */
	public CoboDeliveryVerifier(CoboSignatureVerifier cobosKey, Duration tolerance, SeenDeliveries seen, Clock clock) {
		if (cobosKey == null || seen == null || clock == null) {
			throw new IllegalArgumentException("cobosKey, seen and clock cannot be null");
		}
		if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
			throw new IllegalArgumentException("tolerance must be positive");
		}
		this.cobosKey = cobosKey;
		this.tolerance = tolerance;
		this.seen = seen;
		this.clock = clock;
	}

	/**
	 * @param headers the delivery's headers
	 * @param body the exact body bytes received
	 * @return the verified delivery
	 * @throws CoboDeliveryVerificationException if it must not be acted on
	 */
	public CoboDelivery verify(HttpHeaders headers, byte[] body) {
		String timestamp = CoboResponseSignatureHeaders.timestamp(headers);
		String signature = CoboResponseSignatureHeaders.signature(headers);
		if (timestamp == null || signature == null) {
			throw refused(CoboDeliveryVerificationException.Reason.MISSING_SIGNATURE);
		}
		Instant sentAt = sentAt(timestamp);
		if (Duration.between(sentAt, this.clock.instant()).abs().compareTo(this.tolerance) > 0) {
			throw refused(CoboDeliveryVerificationException.Reason.STALE);
		}
		byte[] digest = SigningDigest.ofResponse(body, timestamp);
		if (!this.cobosKey.verify(digest, signature)) {
			throw refused(CoboDeliveryVerificationException.Reason.INVALID_SIGNATURE);
		}
		if (!this.seen.firstSighting(digest, sentAt.plus(this.tolerance))) {
			throw refused(CoboDeliveryVerificationException.Reason.REPLAYED);
		}
		return new CoboDelivery(body, sentAt);
	}

	private static Instant sentAt(String timestamp) {
		try {
			return Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
		}
		catch (NumberFormatException ex) {
			throw refused(CoboDeliveryVerificationException.Reason.MALFORMED_TIMESTAMP);
		}
	}

	private static CoboDeliveryVerificationException refused(CoboDeliveryVerificationException.Reason reason) {
		logger.warn("Refused a Cobo delivery: " + reason.getDetail());
		return new CoboDeliveryVerificationException(reason);
	}

	/** @return the key deliveries must be signed with, hex */
	public String getPublicKeyHex() {
		return this.cobosKey.getPublicKeyHex();
	}

	/** @return how far a delivery's timestamp may be from now */
	public Duration getTolerance() {
		return this.tolerance;
	}

}
