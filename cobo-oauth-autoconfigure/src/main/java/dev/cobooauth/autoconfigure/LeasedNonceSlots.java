package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.random.RandomGenerator;

import javax.sql.DataSource;

import dev.cobooauth.signing.NonceSlots;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * The nonce slot of this instance, leased in the PostgreSQL database of
 * {@code cobo.token-store.type=jdbc}, so that no two live instances sharing a key ever send the
 * same nonce: one row of {@code cobo_token_lease} per slot (registration {@value #REGISTRATION},
 * the slot as principal), with its holder and an expiry on the database's clock.
 * <p>
 * At start it takes a free or expired slot, then renews it every third of the lease time in the
 * background; each take or renewal is one short statement on a connection borrowed for it only. The
 * slot is used only until the lease time minus a margin after the last renewal was sent: a renewal
 * that fails (database down, or another instance took the slot) stops its use before the lease can
 * expire, whatever the scheduler does. Without a slot (none free, database down, not PostgreSQL)
 * nonces fall back to the process's random slot ({@link NonceSlots#NONE}), with a warning, and every
 * later renewal tries to lease one again: a collision is refused by Cobo, never processed twice, and
 * resent once, so an instance keeps serving rather than stopping.
 */
final class LeasedNonceSlots implements NonceSlots, SmartLifecycle, DisposableBean {

	/** The registration of the slot rows in {@code cobo_token_lease}; no client registration. */
	static final String REGISTRATION = "cobo-nonce-slot";

	static final Duration LEASE_TIME = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(LeasedNonceSlots.class);

	private static final String TAKE_SQL = "INSERT INTO cobo_token_lease (registration_id, principal_name, holder, "
			+ "expires_at) VALUES (?, ?, ?, clock_timestamp() + ? * interval '1 millisecond') "
			+ "ON CONFLICT (registration_id, principal_name) DO UPDATE "
			+ "SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at "
			+ "WHERE cobo_token_lease.expires_at <= clock_timestamp()";

	private static final String RENEW_SQL = "UPDATE cobo_token_lease "
			+ "SET expires_at = clock_timestamp() + ? * interval '1 millisecond' "
			+ "WHERE registration_id = ? AND principal_name = ? AND holder = ? AND expires_at > clock_timestamp()";

	private static final String RELEASE_SQL = "DELETE FROM cobo_token_lease "
			+ "WHERE registration_id = ? AND principal_name = ? AND holder = ?";

	private final JdbcTemplate jdbc;

	private final TaskScheduler scheduler;

	private final Duration leaseTime;

	private final Duration margin;

	private final String holder = UUID.randomUUID().toString();

	/** The slot leased, or {@link #NONE}; written by the renewals only. */
	private volatile int slot = NONE;

	/** Until when, on {@link System#nanoTime()}, the slot may be used. */
	private volatile long usableUntil;

	private volatile boolean warned;

	private final Runnable shutdown;

	private @Nullable ScheduledFuture<?> renewals;

	/**
	 * @param dataSource the PostgreSQL database with table {@code cobo_token_lease}
	 * @param scheduler what renews the lease
	 */
	LeasedNonceSlots(DataSource dataSource, TaskScheduler scheduler) {
		this(dataSource, scheduler, LEASE_TIME, LEASE_TIME.dividedBy(3), () -> {
		});
	}

	/**
	 * @param dataSource the PostgreSQL database with table {@code cobo_token_lease}
	 * @param scheduler what renews the lease
	 * @param leaseTime how long a lease lasts unless renewed
	 * @param margin how long before the lease could expire its slot stops being used; more than
	 * two renewal periods (of a third of the lease time each) leaves no time to use it
	 * @param shutdown stops the scheduler when this is destroyed
	 */
	LeasedNonceSlots(DataSource dataSource, TaskScheduler scheduler, Duration leaseTime, Duration margin,
			Runnable shutdown) {
		if (margin.isNegative() || margin.compareTo(leaseTime) >= 0) {
			throw new IllegalArgumentException("margin must be between 0 and the lease time");
		}
		this.jdbc = new JdbcTemplate(dataSource);
		this.scheduler = scheduler;
		this.leaseTime = leaseTime;
		this.margin = margin;
		this.shutdown = shutdown;
	}

	@Override
	public int current() {
		int held = this.slot;
		return (held != NONE && System.nanoTime() - this.usableUntil < 0) ? held : NONE;
	}

	/** Leases a slot now, then renews it in the background. */
	@Override
	public synchronized void start() {
		renew();
		Duration period = this.leaseTime.dividedBy(3);
		this.renewals = this.scheduler.scheduleWithFixedDelay(this::renew,
				this.scheduler.getClock().instant().plus(period), period);
	}

	/**
	 * Renews the slot held, or leases one; never throws, so that the schedule goes on.
	 */
	synchronized void renew() {
		try {
			int held = this.slot;
			long sent = System.nanoTime();
			if (held != NONE && this.jdbc.update(RENEW_SQL, this.leaseTime.toMillis(), REGISTRATION,
					Integer.toString(held), this.holder) == 1) {
				this.usableUntil = sent + this.leaseTime.minus(this.margin).toNanos();
				return;
			}
			if (held != NONE) {
				logger.warn("Cobo nonce slot " + held + " was lost (its lease expired and another instance may hold "
						+ "it now); leasing another");
				this.slot = NONE;
			}
			take();
		}
		catch (RuntimeException ex) {
			// The slot held stays usable until its time runs out, then current() gives it up.
			if (!this.warned) {
				logger.warn("Could not lease or renew a Cobo nonce slot in table cobo_token_lease (" + ex.getMessage()
						+ "); a slot held stops being used before its lease expires, after which nonces fall back to "
						+ "this process's random slot, which another instance sharing the key may use");
				this.warned = true;
			}
		}
	}

	private void take() {
		int start = RandomGenerator.getDefault().nextInt(COUNT);
		for (int i = 0; i < COUNT; i++) {
			int candidate = (start + i) % COUNT;
			long sent = System.nanoTime();
			if (this.jdbc.update(TAKE_SQL, REGISTRATION, Integer.toString(candidate), this.holder,
					this.leaseTime.toMillis()) == 1) {
				this.usableUntil = sent + this.leaseTime.minus(this.margin).toNanos();
				this.slot = candidate;
				if (this.warned) {
					logger.info("Cobo nonce slot " + candidate + " leased");
					this.warned = false;
				}
				return;
			}
		}
		if (!this.warned) {
			logger.warn("All " + COUNT + " Cobo nonce slots are leased by other instances: nonces fall back to this "
					+ "process's random slot, which another instance sharing the key may use");
			this.warned = true;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.renewals != null) {
			this.renewals.cancel(false);
			this.renewals = null;
		}
		int held = this.slot;
		this.slot = NONE;
		if (held != NONE) {
			try {
				this.jdbc.update(RELEASE_SQL, REGISTRATION, Integer.toString(held), this.holder);
			}
			catch (DataAccessException ex) {
				// The lease expires on its own.
				logger.debug("Could not release Cobo nonce slot " + held + ": " + ex.getMessage());
			}
		}
	}

	@Override
	public void destroy() {
		stop();
		this.shutdown.run();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.renewals != null;
	}

	@Override
	public String toString() {
		return "LeasedNonceSlots[slot=" + current() + ", leaseTime=" + this.leaseTime + "]";
	}

}
