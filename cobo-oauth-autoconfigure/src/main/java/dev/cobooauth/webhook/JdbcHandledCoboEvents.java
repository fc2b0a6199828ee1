package dev.cobooauth.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Handled events in table {@value #TABLE}, shared by every instance using the database: one row per
 * event, its primary key the {@code event_id}, with when it was claimed and when its handler completed
 * ({@code NULL} while it runs), in milliseconds of the clock. The primary key makes a claim atomic
 * across instances: of two that receive one event at once, one inserts the row and the other finds it.
 * A claim older than {@link #ABANDONED_AFTER} whose handler never completed is taken over by one
 * instance (a conditional update). Rows of events handled more than {@code retention} ago are deleted,
 * at most once a minute per instance, after a claim. Each statement runs on its own, in auto-commit;
 * none is held while the handler runs. A database that cannot be used fails the claim, so the delivery
 * is answered 5XX and Cobo delivers it again.
 */
final class JdbcHandledCoboEvents implements HandledCoboEvents {

	static final String TABLE = "cobo_webhook_event";

	private static final Log logger = LogFactory.getLog(JdbcHandledCoboEvents.class);

	private static final String INSERT = "INSERT INTO " + TABLE + " (event_id, claimed_at) VALUES (?, ?)";

	private static final String SELECT = "SELECT claimed_at, handled_at FROM " + TABLE + " WHERE event_id = ?";

	private static final String TAKE_OVER = "UPDATE " + TABLE
			+ " SET claimed_at = ? WHERE event_id = ? AND claimed_at = ? AND handled_at IS NULL";

	private static final String COMPLETE = "UPDATE " + TABLE + " SET handled_at = ? WHERE event_id = ?";

	private static final String RELEASE = "DELETE FROM " + TABLE + " WHERE event_id = ? AND handled_at IS NULL";

	private static final String DELETE_FORGOTTEN = "DELETE FROM " + TABLE + " WHERE handled_at <= ?";

	private static final long CLEAN_UP_INTERVAL = Duration.ofMinutes(1).toMillis();

	private final JdbcTemplate jdbc;

	private final long retention;

	private final Clock clock;

	private final AtomicLong nextCleanUp = new AtomicLong(Long.MIN_VALUE);

	JdbcHandledCoboEvents(DataSource dataSource, Duration retention, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.retention = retention.toMillis();
		this.clock = clock;
	}

	@Override
	public Claim claim(String eventId) {
		long now = this.clock.millis();
		Claim claim = insert(eventId, now) ? Claim.CLAIMED : existing(eventId, now);
		cleanUp(now);
		return claim;
	}

	private boolean insert(String eventId, long now) {
		try {
			this.jdbc.update(INSERT, eventId, now);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private Claim existing(String eventId, long now) {
		List<long[]> rows = this.jdbc.query(SELECT,
				(row, i) -> new long[] { row.getLong(1), (row.getObject(2) != null) ? row.getLong(2) : 0 }, eventId);
		if (rows.isEmpty()) {
			// released between the insert and the select: one more try
			return insert(eventId, now) ? Claim.CLAIMED : Claim.IN_PROGRESS;
		}
		long claimedAt = rows.get(0)[0];
		if (rows.get(0)[1] != 0) {
			return Claim.HANDLED;
		}
		if (claimedAt <= now - ABANDONED_AFTER.toMillis() && this.jdbc.update(TAKE_OVER, now, eventId, claimedAt) == 1) {
			return Claim.CLAIMED;
		}
		return Claim.IN_PROGRESS;
	}

	@Override
	public void completed(String eventId) {
		this.jdbc.update(COMPLETE, Math.max(this.clock.millis(), 1), eventId);
	}

	@Override
	public void released(String eventId) {
		this.jdbc.update(RELEASE, eventId);
	}

	private void cleanUp(long now) {
		long due = this.nextCleanUp.get();
		if (now < due || !this.nextCleanUp.compareAndSet(due, now + CLEAN_UP_INTERVAL)) {
			return;
		}
		try {
			this.jdbc.update(DELETE_FORGOTTEN, now - this.retention);
		}
		catch (DataAccessException ex) {
			logger.warn("Could not delete the handled Cobo events past cobo.webhook.event-retention from table "
					+ TABLE + "; trying again in a minute: " + ex.getMostSpecificCause());
		}
	}

	@Override
	public String toString() {
		return "JdbcHandledCoboEvents[table " + TABLE + "]";
	}

}
