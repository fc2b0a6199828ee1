package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Serializes token requests for one (registration, principal) across every process that shares the
 * starter's token store ({@code cobo.token-store.type=jdbc}). {@link TokenFlights} already lets one
 * caller per process ask Cobo; when several instances share a store, that caller also takes this
 * lock, and the store is read again inside it, so an instance that finds the token another one
 * just refreshed uses it instead of spending the same refresh token twice.
 * <p>
 * A section runs on the calling thread and may block while another process holds the lock; the
 * wait is bounded. A section asks Cobo, so a lock should hold no pooled connection while it runs. A
 * store kept in one process's memory needs no such lock: {@link #NONE}. For PostgreSQL there is
 * {@link #postgresLease}, the default; implement this interface for another database, and publish it
 * as the {@code coboTokenLock} bean (or give it to {@link CoboTokens.Builder#tokenLock}).
 */
public interface TokenLock {

	/** The lock of a store no other process shares: sections run at once, unlocked. */
	TokenLock NONE = new TokenLock() {

		@Override
		public <T extends @Nullable Object> T inLock(String registrationId, String principalName, Supplier<T> section) {
			return section.get();
		}

		@Override
		public String toString() {
			return "TokenLock.NONE";
		}

	};

	/**
	 * Runs a section while holding the lock of one token, waiting for another process to release
	 * it first if need be.
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @param section what to do while the lock is held: re-read the store, ask Cobo if still
	 * needed, save the result
	 * @param <T> what the section returns
	 * @return what the section returned, or {@code null} if it returned {@code null}
	 * @throws CoboTokenStoreUnavailableException if the lock cannot be taken because the store
	 * does not answer
	 * @throws org.springframework.security.oauth2.core.OAuth2AuthorizationException
	 * ({@code temporarily_unavailable}) if another process held the lock for too long
	 */
	<T extends @Nullable Object> T inLock(String registrationId, String principalName, Supplier<T> section);

	/**
	 * The lock of a token store in PostgreSQL that holds no connection while Cobo answers: a lease,
	 * one row of table {@code cobo_token_lease} per token (the starter's script
	 * {@code dev/cobooauth/oauth2/cobo-token-lease-schema-postgres.sql} creates it; with
	 * {@code cobo.token-store.type=jdbc}, {@code cobo.token-store.initialize-schema} runs it), taken and
	 * released with one statement each. A lease expires after the lease time on the database's
	 * clock, so an instance that dies holding one delays the others by at most that long.
	 * @param dataSource the token store's database; needs Spring's JDBC support
	 * @param leaseTime how long a lease lasts unless released, and how long an instance waits for
	 * another one's lease before failing with {@code temporarily_unavailable}; the starter uses
	 * {@code cobo.token.acquire-timeout}
	 * @return the lock
	 */
	static TokenLock postgresLease(DataSource dataSource, Duration leaseTime) {
		return new PostgresLeaseTokenLock(dataSource, leaseTime);
	}

	/**
	 * The lock of a token store in PostgreSQL: a transaction-level advisory lock on (schema,
	 * registration, principal), {@code pg_advisory_xact_lock}, held in a READ COMMITTED transaction
	 * of its own, so that the store read again inside the section sees what the previous holder
	 * committed. Released when the section ends, or with the connection of an instance that dies.
	 * The transaction holds one pooled connection for the whole section, the token request to Cobo
	 * included: prefer {@link #postgresLease}, which holds none.
	 * @param dataSource the token store's database; needs Spring's JDBC support
	 * @param timeout how long to wait for another instance's lock ({@code lock_timeout}) before
	 * failing with {@code temporarily_unavailable}
	 * @return the lock
	 */
	static TokenLock postgresAdvisory(DataSource dataSource, Duration timeout) {
		return new PostgresAdvisoryTokenLock(dataSource, timeout);
	}

}
