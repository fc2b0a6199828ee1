package dev.cobooauth.transactions;

/** How one sending of a create ended, as far as the client can tell. */
sealed interface Attempt {

	/** Cobo answered that it created the transaction. */
	record Created(CreatedTransaction transaction) implements Attempt {
	}

	/** Cobo refused the request: nothing was created, and the refusal is the caller's answer. */
	record Refused(RuntimeException failure) implements Attempt {
	}

	/**
	 * No trustworthy answer: Cobo may have created the transaction.
	 * @param cause what the client saw instead
	 * @param notProcessed whether the answer shows that Cobo did not process this sending (an
	 * unsigned proxy answer, a signature refusal, a connection never made)
	 */
	record Unknown(Throwable cause, boolean notProcessed) implements Attempt {
	}

}
