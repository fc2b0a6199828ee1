package dev.cobooauth.signing;

/**
 * Which of the {@value #COUNT} nonce slots this instance of an application may sign in, so that
 * instances sharing a key never issue the same nonce: a nonce modulo {@value #COUNT} is its slot,
 * and two instances holding different slots never send the same nonce, and so never the same
 * signature, whatever they sign at the same millisecond.
 * <p>
 * Implement it to give each instance a slot no other live instance holds, e.g. through a lease in a
 * database they share; the auto-configuration does so on PostgreSQL with
 * {@code cobo.token-store.type=jdbc}, and {@link CoboEndpoint.Builder#nonceSlots(NonceSlots)} takes
 * it. An instance that holds no slot (none yet, or it lost its lease) answers {@link #NONE}: its
 * nonces then fall back to a slot drawn at random once per process, which another instance may hold.
 */
@FunctionalInterface
public interface NonceSlots {

	/** How many slots the nonces are spread over. */
	int COUNT = 16;

	/** What {@link #current()} answers while no slot is held. */
	int NONE = -1;

	/** Slots no instance holds: every instance signs in its process's random slot. */
	NonceSlots RANDOM = () -> NONE;

	/**
	 * Called for every nonce, so it must be cheap (read a field; never a database).
	 * @return the slot this instance holds now, from 0 to {@value #COUNT} - 1, or {@link #NONE}
	 * when it holds none, or may no longer be sure it holds it
	 */
	int current();

}
