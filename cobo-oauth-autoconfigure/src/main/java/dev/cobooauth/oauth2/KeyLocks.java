package dev.cobooauth.oauth2;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Serializes, within this process, what changes one principal's stored token: the request of the
 * caller that leads a flight and the marking of a token Cobo rejected, so that a rejected token is
 * never marked dead after another caller has stored its successor. A fixed set of locks is shared
 * by hash, so their number never grows with the orgs; a {@link ReentrantLock} rather than a monitor,
 * so that a virtual thread waiting here frees its carrier.
 */
final class KeyLocks {

	private static final int STRIPES = 64;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	KeyLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	/**
	 * @param key the registration and principal
	 * @param section what to do while holding the key's lock
	 * @param <T> what the section returns
	 * @return what the section returned
	 */
	<T extends @Nullable Object> T inLock(TokenFlights.Key key, Supplier<T> section) {
		ReentrantLock lock = this.locks[Math.floorMod(key.hashCode(), STRIPES)];
		lock.lock();
		try {
			return section.get();
		}
		finally {
			lock.unlock();
		}
	}

}
