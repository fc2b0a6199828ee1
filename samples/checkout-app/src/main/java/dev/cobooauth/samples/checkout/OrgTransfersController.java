package dev.cobooauth.samples.checkout;

import dev.cobooauth.transactions.CoboOutcomeUnknownException;
import dev.cobooauth.transactions.CreatedTransaction;
import dev.cobooauth.transactions.ReactiveCoboTransactions;
import dev.cobooauth.transactions.TransferRequest;
import reactor.core.publisher.Mono;

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
 * Submits a transfer for the org named in the path through {@link ReactiveCoboTransactions}: the
 * transaction Cobo created is answered once, even when Cobo's answer was lost, and no thread waits
 * while it is looked up by its {@code request_id}.
 */
@RestController
record OrgTransfersController(ReactiveCoboTransactions transactions) {

	/** {@code POST /v2/transactions/transfer}, Cobo's JSON in, {@code {request_id, transaction_id, status}} out. */
	@PostMapping(path = "/orgs/{orgId}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<CreatedTransaction>> transfer(@PathVariable String orgId,
			@RequestBody TransferRequest transfer) {
		return this.transactions.forOrg(orgId)
			.transfer(transfer)
			.map((created) -> ResponseEntity.status(HttpStatus.CREATED).body(created));
	}

	@ExceptionHandler
	ErrorResponse outcomeUnknown(CoboOutcomeUnknownException ex) {
		return ErrorResponse.builder(ex, HttpStatus.GATEWAY_TIMEOUT, ex.getMessage())
			.title("Transfer outcome unknown")
			.property("request_id", ex.getRequestId())
			.build();
	}

}
