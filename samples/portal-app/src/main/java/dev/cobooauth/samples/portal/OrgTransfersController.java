package dev.cobooauth.samples.portal;

import dev.cobooauth.transactions.CoboOutcomeUnknownException;
import dev.cobooauth.transactions.CoboTransactions;
import dev.cobooauth.transactions.CreatedTransaction;
import dev.cobooauth.transactions.TransferRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submits a transfer for the org named in the path through {@link CoboTransactions}, and answers the
 * transaction Cobo created, once, whatever the network did: an answer lost on the way is resolved by
 * the transfer's {@code request_id} before this answers. A transfer whose outcome cannot be known in
 * time is answered 504 with its {@code request_id}, to be looked up or sent again with it.
 */
@RestController
record OrgTransfersController(CoboTransactions transactions) {

	/** {@code POST /v2/transactions/transfer}, Cobo's JSON in, {@code {request_id, transaction_id, status}} out. */
	@PostMapping(path = "/orgs/{orgId}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CreatedTransaction> transfer(@PathVariable String orgId, @RequestBody TransferRequest transfer) {
		CreatedTransaction created = this.transactions.forOrg(orgId).transfer(transfer);
		return ResponseEntity.status(HttpStatus.CREATED).body(created);
	}

	@ExceptionHandler
	ErrorResponse outcomeUnknown(CoboOutcomeUnknownException ex) {
		return ErrorResponse.builder(ex, HttpStatus.GATEWAY_TIMEOUT, ex.getMessage())
			.title("Transfer outcome unknown")
			.property("request_id", ex.getRequestId())
			.build();
	}

}
