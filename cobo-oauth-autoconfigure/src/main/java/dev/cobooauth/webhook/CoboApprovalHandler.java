package dev.cobooauth.webhook;

import dev.cobooauth.transactions.CoboTransaction;

/**
 * Decides Cobo's transaction-approval callbacks: Cobo asks the application whether a transaction may
 * go ahead, and the starter answers {@code ok} or {@code deny} for it. Declare one as a bean and point
 * Cobo's callback URL at {@code cobo.webhook.callback-path}. The starter fails closed: the transaction is
 * denied when the callback does not verify, its body is not a transaction, this handler throws, returns
 * {@code null}, or takes longer than {@code cobo.webhook.callback-timeout} (2 s by default, less than
 * Cobo waits). It runs on the application's task executor, never on the request's thread alone.
 */
@FunctionalInterface
public interface CoboApprovalHandler {

	/**
	 * @param transaction the transaction awaiting approval, as Cobo sent it
	 * @return whether it may go ahead
	 */
	Decision decide(CoboTransaction transaction);

	/** The answer to an approval callback. */
	enum Decision {

		/** Cobo may go ahead: the answer is {@code ok}. */
		APPROVE,

		/** Cobo must not: the answer is {@code deny}. */
		DENY

	}

}
