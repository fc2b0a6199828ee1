package dev.cobooauth.signing;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * JCA {@link Signature} objects of one key and one provider, initialized once and reused: a
 * {@code Signature} serves one thread at a time, and initializing one with a key costs Corretto's
 * Ed25519 about as much as signing. A thread takes an idle one or makes one, and gives it back
 * when done; as signing never blocks, the pool holds at most as many as threads ever signed at
 * once. Not a {@code ThreadLocal}, which would make one per virtual thread.
 */
final class SignaturePool {

	private final Initializer initializer;

	private final Queue<Signature> idle = new ConcurrentLinkedQueue<>();

	/**
	 * @param initializer makes a new {@code Signature}, initialized with the key
	 */
	SignaturePool(Initializer initializer) {
		this.initializer = initializer;
		this.idle.add(newSignature());
	}

	/**
	 * Runs one operation on an idle {@code Signature}. One that failed is not reused, since its
	 * state is unknown.
	 * @param operation what to do with it
	 * @return what it returned
	 * @throws GeneralSecurityException as the operation threw it
	 */
	<T> T apply(Operation<T> operation) throws GeneralSecurityException {
		Signature signature = this.idle.poll();
		if (signature == null) {
			signature = newSignature();
		}
		T result = operation.apply(signature);
		this.idle.add(signature);
		return result;
	}

	private Signature newSignature() {
		try {
			return this.initializer.newSignature();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot initialize an Ed25519 signature with this key", ex);
		}
	}

	/** Makes a {@code Signature} initialized with the key. */
	@FunctionalInterface
	interface Initializer {

		Signature newSignature() throws GeneralSecurityException;

	}

	/** One use of a {@code Signature}: update, then sign or verify. */
	@FunctionalInterface
	interface Operation<T> {

		T apply(Signature signature) throws GeneralSecurityException;

	}

}
