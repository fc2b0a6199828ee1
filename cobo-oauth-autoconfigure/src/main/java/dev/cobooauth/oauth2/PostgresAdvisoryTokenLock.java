package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TokenLock} shared by every instance on one PostgreSQL database: a transaction-level
 * advisory lock, {@code pg_advisory_xact_lock}, keyed by the current schema, the registration and
 * the principal. PostgreSQL queues the waiters and releases the lock when the holder's transaction
 * ends, also when its connection dies, so a crashed instance never leaves a token locked.
 * <p>
 * A section runs inside that transaction, on its thread: store calls made there through a
 * {@code JdbcTemplate} on the same {@code DataSource} join it, so a token request holds one
 * connection from the lock until its token is saved. The transaction always commits, also when
 * the section fails, so what the section stored stays stored, as with any other store.
 * <p>
 * Waiting for the lock is bounded by PostgreSQL's {@code lock_timeout}, set for the transaction.
 */
final class PostgresAdvisoryTokenLock implements TokenLock {

	/** First key of the starter's advisory locks ("Cobo" in ASCII), apart from the application's own. */
	static final int LOCK_NAMESPACE = 0x436F626F;

	// coalesce: with an empty search_path current_schema() is null, and a null key would lock nothing.
	private static final String LOCK_SQL = "SELECT pg_advisory_xact_lock(?, hashtext(coalesce(current_schema(), '')"
			+ " || '/' || ? || '/' || ?))";

	private static final String LOCK_TIMEOUT_SQL = "SELECT set_config('lock_timeout', ?, true)";

	private final DataSource dataSource;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final Duration timeout;

	private volatile boolean checked;

	/**
	 * @param dataSource the PostgreSQL database whose store the lock guards
	 * @param timeout how long to wait for another instance to release the lock
	 */
	public PostgresAdvisoryTokenLock(DataSource dataSource, Duration timeout) {
		if (dataSource == null) {
			throw new IllegalArgumentException("dataSource cannot be null");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.dataSource = dataSource;
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// Never join a transaction of the caller: the lock must be released, and the new token
		// committed, as soon as the section ends.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// Each statement must see what the previous holder committed; under REPEATABLE READ the
		// snapshot would be taken before the lock was granted.
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.transactions.setName("cobo-token-lock");
		this.timeout = timeout;
	}

	@Override
	public <T extends @Nullable Object> T inLock(String registrationId, String principalName, Supplier<T> section) {
		checkPostgres();
		String token = "the token of '" + principalName + "' (registration " + registrationId + ")";
		AtomicReference<Outcome<T>> outcome = new AtomicReference<>();
		try {
			this.transactions.executeWithoutResult((status) -> {
				lock(registrationId, principalName);
				outcome.set(Outcome.of(section));
			});
		}
		catch (PessimisticLockingFailureException ex) {
			throw new OAuth2AuthorizationException(new OAuth2Error("temporarily_unavailable", "Timed out after "
					+ this.timeout + " waiting for another instance to finish requesting " + token, null), ex);
		}
		catch (DataAccessException | TransactionException ex) {
			if (outcome.get() != null) {
				throw outcome.get().failedToCommit(StoreFailures.unavailable("could not commit " + token, ex));
			}
			throw StoreFailures.unavailable("could not lock " + token, ex);
		}
		return outcome.get().get();
	}

	private void lock(String registrationId, String principalName) {
		this.jdbcTemplate.queryForObject(LOCK_TIMEOUT_SQL, String.class, this.timeout.toMillis() + "ms");
		this.jdbcTemplate.queryForList(LOCK_SQL, LOCK_NAMESPACE, registrationId, principalName);
	}

	private void checkPostgres() {
		if (this.checked) {
			return;
		}
		PostgresOnly.check(this.dataSource, "advisory locks");
		this.checked = true;
	}

	@Override
	public String toString() {
		return "PostgresAdvisoryTokenLock[timeout=" + this.timeout + "]";
	}

	/**
	 * What a section returned or threw, carried out of the transaction so that it commits either
	 * way.
	 */
	private record Outcome<T extends @Nullable Object>(@Nullable T value, @Nullable RuntimeException failure) {

		static <T extends @Nullable Object> Outcome<T> of(Supplier<T> section) {
			try {
				return new Outcome<>(section.get(), null);
			}
			catch (RuntimeException ex) {
				return new Outcome<>(null, ex);
			}
		}

		T get() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.value;
		}

		/**
		 * @param commitFailure why the transaction could not commit
		 * @return what to throw: the section's own failure says more, when there is one
		 */
		RuntimeException failedToCommit(RuntimeException commitFailure) {
			if (this.failure == null) {
				return commitFailure;
			}
			this.failure.addSuppressed(commitFailure);
			return this.failure;
		}

	}

}
