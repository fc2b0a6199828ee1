package dev.cobooauth.signing;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deliveries accepted lately by every instance that shares a database: table
 * {@value #TABLE}, one row per delivery, its primary key the hex of the digest Cobo signed
 * ({@code delivery_digest}) and its {@code forget_at} the time, in milliseconds of the verifier's
 * clock, after which a replay is refused as stale anyway (its timestamp plus the tolerance plus a
 * margin for the clocks of the instances). Each check uses the verification's one reading of the
 * clock.
 * <p>
 * The primary key makes the check atomic across instances: of two that receive one delivery at
 * once, one inserts its row and the other gets the duplicate key, a replay. A row past its
 * {@code forget_at} never blocks a delivery: the insert that meets it deletes it and tries once
 * more. After an accepted delivery, rows past their time are deleted, at most once a minute per
 * instance; a failure of that clean-up is only logged. Each statement runs on its own, in
 * auto-commit, before the handler is called.
 * <p>
 * When the database cannot be used, the delivery is refused with
 * {@link CoboDeliveryVerificationException.Reason#REPLAY_CHECK_UNAVAILABLE} (503, so Cobo sends it
 * again): never accepted unchecked. Apart from the rest of the signing code so that Spring's JDBC
 * support is loaded only when deliveries are remembered in a database.
 */
final class JdbcSeenDeliveries implements SeenDeliveries {

	static final String TABLE = "cobo_webhook_delivery";

	private static final Log logger = LogFactory.getLog(JdbcSeenDeliveries.class);

	private static final String INSERT = "INSERT INTO " + TABLE + " (delivery_digest, forget_at) VALUES (?, ?)";

	private static final String DELETE_IF_FORGOTTEN = "DELETE FROM " + TABLE
			+ " WHERE delivery_digest = ? AND forget_at <= ?";

	private static final String DELETE_FORGOTTEN = "DELETE FROM " + TABLE + " WHERE forget_at <= ?";

	private static final long CLEAN_UP_INTERVAL = Duration.ofMinutes(1).toMillis();

	private final JdbcTemplate jdbc;

	private final AtomicLong nextCleanUp = new AtomicLong(Long.MIN_VALUE);

	private JdbcSeenDeliveries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param dataSource the database holding table {@value #TABLE}
	 * @return the deliveries seen by every instance using that database
	 */
	static SeenDeliveries of(DataSource dataSource) {
		return new JdbcSeenDeliveries(new JdbcTemplate(dataSource));
	}

	@Override
	public boolean firstSighting(byte[] signedDigest, Instant forgetAt, Instant verifiedAt) {
		String digest = HexFormat.of().formatHex(signedDigest);
		long now = verifiedAt.toEpochMilli();
		try {
			boolean first = insert(digest, forgetAt) || (deleteIfForgotten(digest, now) && insert(digest, forgetAt));
			if (first) {
				cleanUp(now);
			}
			return first;
		}
		catch (DataAccessException ex) {
			throw unavailable(ex);
		}
	}

	private boolean insert(String digest, Instant forgetAt) {
		try {
			this.jdbc.update(INSERT, digest, forgetAt.toEpochMilli());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean deleteIfForgotten(String digest, long now) {
		return this.jdbc.update(DELETE_IF_FORGOTTEN, digest, now) > 0;
	}

	private void cleanUp(long now) {
		long due = this.nextCleanUp.get();
		if (now < due || !this.nextCleanUp.compareAndSet(due, now + CLEAN_UP_INTERVAL)) {
			return;
		}
		try {
			this.jdbc.update(DELETE_FORGOTTEN, now);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not delete the Cobo deliveries past their time from table " + TABLE
					+ "; trying again in a minute: " + driversReason(ex));
		}
	}

	private static CoboDeliveryVerificationException unavailable(DataAccessException failure) {
		String hint = (failure instanceof BadSqlGrammarException) ? ". Create the table with "
				+ "cobo-webhook-delivery-schema-postgres.sql (cobo-webhook-delivery-schema.sql elsewhere, both "
				+ "in dev/cobooauth/signing of the starter's jar), or set cobo.token-store.initialize-schema=always"
				: "";
		logger.error("Refused a Cobo delivery with 503, for Cobo to send it again: table " + TABLE
				+ ", which tells a replay, cannot be used: " + driversReason(failure) + hint);
		return new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.REPLAY_CHECK_UNAVAILABLE,
				failure);
	}

	// The driver's message ("Connection to 127.0.0.1:5432 refused...") says more than the pool's.
	private static String driversReason(Throwable failure) {
		@Nullable String message = null;
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof SQLException && current.getMessage() != null) {
				message = current.getMessage();
			}
		}
		return (message != null) ? message : NestedExceptionUtils.getMostSpecificCause(failure).toString();
	}

	@Override
	public String toString() {
		return "JdbcSeenDeliveries[table " + TABLE + "]";
	}

}
