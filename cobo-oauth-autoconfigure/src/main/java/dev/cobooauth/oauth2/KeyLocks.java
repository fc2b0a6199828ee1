package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Serializes, within this process, what changes one principal's stored token: the request of the
 * caller that leads a flight and the marking of a token Cobo rejected, so that a rejected token is
 * never marked dead after another caller has stored its successor. One lock per key, so that a slow
 * token request of one org never holds up another; a lock lives only while someone holds or awaits
 * it, so their number never grows with the orgs. Every wait is bounded. A {@link ReentrantLock}
 * rather than a monitor, so that a virtual thread waiting here frees its carrier.
 */
final class KeyLocks {

	private final ConcurrentMap<TokenFlights.Key, KeyLock> locks = new ConcurrentHashMap<>();

	private final Duration timeout;

	/**
	 * @param timeout how long to wait for another caller of the same key
	 */
	KeyLocks(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * @param key the registration and principal
	 * @param section what to do while holding the key's lock
	 * @param <T> what the section returns
	 * @return what the section returned
	 * @throws OAuth2AuthorizationException ({@code temporarily_unavailable}) if another caller held
	 * the key's lock for longer than the timeout
	 */
	<T extends @Nullable Object> T inLock(TokenFlights.Key key, Supplier<T> section) {
		KeyLock lock = this.locks.compute(key, (k, current) -> (current != null) ? current.joined() : new KeyLock());
		try {
			if (!lock.tryLock(this.timeout)) {
				throw new OAuth2AuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
						"Timed out after " + this.timeout + " waiting for another caller changing the token of '"
								+ key.principalName() + "'",
						null));
			}
			try {
				return section.get();
			}
			finally {
				lock.unlock();
			}
		}
		finally {
			this.locks.computeIfPresent(key, (k, current) -> current.left() ? null : current);
		}
	}

	/** @return how many keys have a lock now: those held or awaited */
	int size() {
		return this.locks.size();
	}

	/**
	 * The lock of one key, with how many callers hold or await it; counted only inside the map's
	 * atomic updates of its key.
	 */
	private static final class KeyLock extends ReentrantLock {

		private int users = 1;

		KeyLock joined() {
			this.users++;
			return this;
		}

		/** @return whether nobody holds or awaits the lock any more */
		boolean left() {
			return --this.users == 0;
		}

		boolean tryLock(Duration timeout) {
			try {
				return tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
