package dev.cobooauth.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Decides whether a webhook event or callback message comes from Cobo and is fresh: it must carry
 * {@code BIZ-TIMESTAMP} and {@code BIZ-RESP-SIGNATURE} (hyphens or underscores, any case), its
 * timestamp must be within the tolerance of now, its signature must verify with Cobo's key over
 * {@code SHA-256(SHA-256(body|timestamp))}, and the same signed delivery must not have been accepted
 * before. Checks run cheapest first, and only a verified delivery is remembered for replay
 * detection: in this instance's memory, or, built with {@link Builder#jdbcReplayStore(DataSource)},
 * in a database every instance shares, so that none of them accepts a delivery another one did.
 * Thread-safe.
 */
public final class CoboDeliveryVerifier {

	private static final Log logger = LogFactory.getLog(CoboDeliveryVerifier.class);

	/**
	 * How long past the last moment it could pass the age check a delivery is still remembered: covers
	 * the clocks of instances that share a database being a little apart.
	 */
	static final Duration FORGET_MARGIN = Duration.ofMinutes(1);

	private final CoboSignatureVerifier cobosKey;

	private final Duration tolerance;

	private final SeenDeliveries seen;

	private final Clock clock;

	CoboDeliveryVerifier(CoboSignatureVerifier cobosKey, Duration tolerance, SeenDeliveries seen, Clock clock) {
		this.cobosKey = cobosKey;
		this.tolerance = tolerance;
		this.seen = seen;
		this.clock = clock;
	}

	/**
	 * @param publicKeyHex the Ed25519 key (64 hex characters) Cobo signs deliveries with: the
	 * environment's response key
	 * @param source where the key came from, named in errors, e.g. a property name
	 * @return a builder with a tolerance of 5 minutes, 10,000 deliveries remembered in memory and the
	 * UTC system clock
	 * @throws InvalidCoboKeyException if the text is not an Ed25519 public key
	 */
	public static Builder builder(String publicKeyHex, String source) {
		// Checked now, on the provider that is always there; built on the chosen one by build().
		return new Builder(CoboSignatureVerifier.of(KeyType.ED25519, publicKeyHex, source, CryptoProvider.BOUNCY_CASTLE));
	}

	/**
	 * @param headers the delivery's headers
	 * @param body the exact body bytes received
	 * @return the verified delivery
	 * @throws CoboDeliveryVerificationException if it must not be acted on, or, with a replay store
	 * that cannot be used, could not be checked ({@code 503})
	 */
	public CoboDelivery verify(HttpHeaders headers, byte[] body) {
		String timestamp = CoboResponseSignatureHeaders.timestamp(headers);
		String signature = CoboResponseSignatureHeaders.signature(headers);
		if (timestamp == null || signature == null) {
			throw refused(CoboDeliveryVerificationException.Reason.MISSING_SIGNATURE);
		}
		// One reading of the clock decides both the age check and what may be forgotten, so that no
		// delivery passes the one and meets a memory that has already let it go.
		Instant now = this.clock.instant();
		Instant sentAt = sentAt(timestamp);
		if (Duration.between(sentAt, now).abs().compareTo(this.tolerance) > 0) {
			throw refused(CoboDeliveryVerificationException.Reason.STALE);
		}
		byte[] digest = SigningDigest.ofResponse(body, timestamp);
		if (!this.cobosKey.verify(digest, signature)) {
			throw refused(CoboDeliveryVerificationException.Reason.INVALID_SIGNATURE);
		}
		if (!this.seen.firstSighting(digest, sentAt.plus(this.tolerance).plus(FORGET_MARGIN), now)) {
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

	/** @return what remembers the deliveries accepted */
	SeenDeliveries seenDeliveries() {
		return this.seen;
	}

	/** @return the key deliveries must be signed with, hex */
	public String getPublicKeyHex() {
		return this.cobosKey.getPublicKeyHex();
	}

	/** @return how far a delivery's timestamp may be from now */
	public Duration getTolerance() {
		return this.tolerance;
	}

	/**
	 * Builds a {@link CoboDeliveryVerifier}.
	 */
	public static final class Builder {

		private final CoboSignatureVerifier cobosKey;

		private CryptoProvider cryptoProvider = CryptoProvider.AUTO;

		private Duration tolerance = Duration.ofMinutes(5);

		private int replayCacheSize = 10_000;

		private Clock clock = Clock.systemUTC();

		private @Nullable DataSource replayStore;

		private Builder(CoboSignatureVerifier cobosKey) {
			this.cobosKey = cobosKey;
		}

		/**
		 * @param cryptoProvider what verifies the deliveries' Ed25519 signatures; {@link CryptoProvider#AUTO}
		 * by default
		 * @return this builder
		 */
		public Builder cryptoProvider(CryptoProvider cryptoProvider) {
			this.cryptoProvider = Arguments.requireNonNull(cryptoProvider, "cryptoProvider");
			return this;
		}

		/**
		 * @param tolerance how far a delivery's timestamp may be from now, either way; a delivery is
		 * remembered to refuse its replay until its timestamp plus the tolerance plus a minute
		 * @return this builder
		 */
		public Builder tolerance(Duration tolerance) {
			this.tolerance = Arguments.requirePositive(tolerance, "tolerance");
			return this;
		}

		/**
		 * @param replayCacheSize how many recent deliveries are remembered in memory. None is forgotten
		 * while it could still pass the age check: when that many are, a new delivery is refused with
		 * {@link CoboDeliveryVerificationException.Reason#REPLAY_MEMORY_FULL} (503). Not used with
		 * {@link #jdbcReplayStore(DataSource)}
		 * @return this builder
		 */
		public Builder replayCacheSize(int replayCacheSize) {
			if (replayCacheSize < 1) {
				throw new IllegalArgumentException("replayCacheSize must be at least 1");
			}
			this.replayCacheSize = replayCacheSize;
			return this;
		}

		/**
		 * @param clock the clock timestamps are compared with
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Arguments.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Remembers accepted deliveries in a database instead of this instance's memory, so that
		 * every verifier using it refuses a delivery any one of them accepted. The table,
		 * {@code cobo_webhook_delivery}, must exist: create it with
		 * {@code dev/cobooauth/signing/cobo-webhook-delivery-schema-postgres.sql} from this jar on
		 * PostgreSQL ({@code cobo-webhook-delivery-schema.sql} elsewhere), as the starter's
		 * {@code cobo.token-store.initialize-schema} does. Each delivery is kept, by a digest of
		 * what Cobo signed, until its timestamp leaves the tolerance; the clock of
		 * {@link #clock(Clock)} tells when, so every instance should have the same tolerance and a
		 * synchronized clock. Needs Spring's JDBC support ({@code spring-jdbc}) on the classpath.
		 * When the database cannot be used, {@link CoboDeliveryVerifier#verify} refuses the delivery
		 * with {@link CoboDeliveryVerificationException.Reason#REPLAY_CHECK_UNAVAILABLE}: it never
		 * accepts one unchecked.
		 * @param dataSource the database every instance shares
		 * @return this builder
		 */
		public Builder jdbcReplayStore(DataSource dataSource) {
			this.replayStore = Arguments.requireNonNull(dataSource, "dataSource");
			return this;
		}

		/**
		 * @return the verifier
		 * @throws IllegalStateException if the crypto provider is {@link CryptoProvider#AWS_LC} and
		 * cannot be used
		 */
		public CoboDeliveryVerifier build() {
			return new CoboDeliveryVerifier(this.cobosKey.on(this.cryptoProvider), this.tolerance, seenDeliveries(),
					this.clock);
		}

		// JdbcSeenDeliveries is named only here, so that spring-jdbc is loaded only when it is used.
		private SeenDeliveries seenDeliveries() {
			if (this.replayStore != null) {
				return JdbcSeenDeliveries.of(this.replayStore);
			}
			return new InMemorySeenDeliveries(this.replayCacheSize);
		}

	}

}
