package dev.cobooauth.transactions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Cobo's answer to a create: the transaction a {@code request_id} created. The same whether Cobo's
 * first answer arrived or the starter found the transaction by its {@code request_id}.
 *
 * @param requestId the idempotency key the transaction was created with
 * @param transactionId Cobo's id of the transaction
 * @param status its status when it was answered, e.g. {@code Submitted}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreatedTransaction(String requestId, String transactionId, String status) {

	static CreatedTransaction of(CoboTransaction transaction, String requestId) {
		String status = (transaction.status() != null) ? transaction.status() : "Submitted";
		return new CreatedTransaction(requestId, transaction.transactionId(), status);
	}

}
