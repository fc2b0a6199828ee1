package dev.cobooauth.samples.portal;

import java.math.BigDecimal;

import dev.cobooauth.transactions.CoboTransaction;
import dev.cobooauth.webhook.CoboApprovalHandler;

import org.springframework.stereotype.Component;

/**
 * Decides Cobo's transaction-approval callbacks ({@code POST /cobo/callbacks/approval}): approves a
 * transaction of at most 1 of its token, denies a larger one or one without an amount. The starter
 * answers Cobo {@code ok} or {@code deny}, and denies too when this throws or is late.
 */
@Component
class TransferApprovals implements CoboApprovalHandler {

	private static final BigDecimal LIMIT = BigDecimal.ONE;

	@Override
	public Decision decide(CoboTransaction transaction) {
		String amount = transaction.amount();
		if (amount == null) {
			return Decision.DENY;
		}
		return (new BigDecimal(amount).compareTo(LIMIT) <= 0) ? Decision.APPROVE : Decision.DENY;
	}

}
