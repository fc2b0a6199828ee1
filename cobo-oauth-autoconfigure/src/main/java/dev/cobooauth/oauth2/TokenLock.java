package dev.cobooauth.oauth2;

import java.util.function.Supplier;

/**
 * Serializes token requests for one (registration, principal) across every process that shares a
 * {@link CoboTokenStore}. {@link TokenFlights} already lets one caller per process ask Cobo; when
 * several instances share a store, that caller also takes this lock, and the store is read again
 * inside it, so an instance that finds the token another one just refreshed uses it instead of
 * spending the same refresh token twice.
 * <p>
 * A section runs on the calling thread and may block while another process holds the lock. A
 * store kept in one process's memory needs no such lock: {@link #NONE}.
 */
public interface TokenLock {

	/** The lock of a store no other process shares: sections run at once, unlocked. */
	TokenLock NONE = new TokenLock() {

		@Override
		public <T> T inLock(String registrationId, String principalName, Supplier<T> section) {
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
	<T> T inLock(String registrationId, String principalName, Supplier<T> section);

}
