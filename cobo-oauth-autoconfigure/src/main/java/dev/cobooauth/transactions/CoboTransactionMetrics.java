package dev.cobooauth.transactions;

/**
 * Told how each create whose answer was lost was resolved. The starter counts them in Micrometer as
 * {@code cobo.transactions.resolutions} tagged {@code outcome}; implement it to count them elsewhere.
 */
@FunctionalInterface
public interface CoboTransactionMetrics {

	/** Counts nothing. */
	CoboTransactionMetrics NONE = (outcome) -> {
	};

	/**
	 * @param outcome how a create with an unknown outcome ended
	 */
	void resolved(Outcome outcome);

	/** How a create with an unknown outcome ended. */
	enum Outcome {

		/** The transaction was found by its {@code request_id}: Cobo had created it. */
		FOUND,

		/** Cobo had not processed the request; sent again with the same {@code request_id}, it was created. */
		RESENT,

		/** Sent again, the request was refused: Cobo created nothing, and the refusal was reported. */
		REFUSED,

		/** Neither found nor known to be absent in time: {@link CoboOutcomeUnknownException}. */
		UNKNOWN

	}

}
