package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A {@link TokenLock} shared by every instance on one PostgreSQL database that holds no connection
 * while Cobo answers: a lease, one row of {@code cobo_token_lease} per token, taken with one
 * statement, released with another, each on a connection borrowed for that statement only. A lease
 * expires on the database's clock after the lease time (the acquire timeout), so an instance that
 * dies holding one delays the others by at most that long; an instance that finds a lease expired
 * takes it over. A waiting instance polls, with a growing pause, for at most the acquire timeout.
 * <p>
 * A token request that outlasts the lease may overlap with another instance's; the store, read
 * again inside the lock, and Cobo's refusal of a spent refresh token (answered with a new grant)
 * keep that safe, at the cost of one more token request.
 */
final class PostgresLeaseTokenLock implements TokenLock {

	private static final String TAKE_SQL = "INSERT INTO cobo_token_lease (registration_id, principal_name, holder, "
			+ "expires_at) VALUES (?, ?, ?, clock_timestamp() + ? * interval '1 millisecond') "
			+ "ON CONFLICT (registration_id, principal_name) DO UPDATE "
			+ "SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at "
			+ "WHERE cobo_token_lease.expires_at <= clock_timestamp()";

	private static final String RELEASE_SQL = "DELETE FROM cobo_token_lease "
			+ "WHERE registration_id = ? AND principal_name = ? AND holder = ?";

	private static final long FIRST_PAUSE_MILLIS = 5;

	private static final long LONGEST_PAUSE_MILLIS = 200;

	private final DataSource dataSource;

	private final JdbcTemplate jdbcTemplate;

	private final Duration leaseTime;

	private volatile boolean checked;

	/**
	 * @param dataSource the PostgreSQL database whose store the lock guards, with the
	 * {@code cobo_token_lease} table
	 * @param leaseTime how long a lease lasts unless released, and how long to wait for one
	 */
	PostgresLeaseTokenLock(DataSource dataSource, Duration leaseTime) {
		if (dataSource == null) {
			throw new IllegalArgumentException("dataSource cannot be null");
		}
		if (leaseTime == null || leaseTime.isNegative() || leaseTime.isZero()) {
			throw new IllegalArgumentException("leaseTime must be positive");
		}
		this.dataSource = dataSource;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.leaseTime = leaseTime;
	}

	@Override
	public <T extends @Nullable Object> T inLock(String registrationId, String principalName, Supplier<T> section) {
		checkPostgres();
		String token = "the token of '" + principalName + "' (registration " + registrationId + ")";
		String holder = UUID.randomUUID().toString();
		take(registrationId, principalName, holder, token);
		try {
			return section.get();
		}
		finally {
			release(registrationId, principalName, holder, token);
		}
	}

	private void take(String registrationId, String principalName, String holder, String token) {
		long deadline = System.nanoTime() + this.leaseTime.toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		while (!tryTake(registrationId, principalName, holder, token)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new OAuth2AuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
						"Timed out after " + this.leaseTime + " waiting for another instance to finish requesting "
								+ token,
						null));
			}
			sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
			pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
		}
	}

	private boolean tryTake(String registrationId, String principalName, String holder, String token) {
		try {
			return this.jdbcTemplate.update(TAKE_SQL, registrationId, principalName, holder,
					this.leaseTime.toMillis()) == 1;
		}
		catch (DataAccessException ex) {
			throw StoreFailures.unavailable("could not lock " + token, ex);
		}
	}

	private void release(String registrationId, String principalName, String holder, String token) {
		try {
			this.jdbcTemplate.update(RELEASE_SQL, registrationId, principalName, holder);
		}
		catch (DataAccessException ex) {
			// The lease then expires on its own; the section's outcome matters more.
			throw StoreFailures.unavailable("could not release the lock of " + token, ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OAuth2AuthorizationException(
					new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE, "Interrupted while waiting for a lock", null),
					ex);
		}
	}

	private void checkPostgres() {
		if (this.checked) {
			return;
		}
		PostgresOnly.check(this.dataSource, "a lease row");
		this.checked = true;
	}

	@Override
	public String toString() {
		return "PostgresLeaseTokenLock[leaseTime=" + this.leaseTime + "]";
	}

}
