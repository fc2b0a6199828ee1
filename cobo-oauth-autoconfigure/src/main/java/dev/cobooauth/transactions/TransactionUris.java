package dev.cobooauth.transactions;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriBuilder;

/** The paths and queries of Cobo's transaction operations, the same on both stacks. */
final class TransactionUris {

	static final String TRANSFER = "/transactions/transfer";

	static final String CONTRACT_CALL = "/transactions/contract_call";

	static final String MESSAGE_SIGN = "/transactions/message_sign";

	private TransactionUris() {
	}

	static URI one(UriBuilder uri, String transactionId) {
		return uri.path("/transactions/{transaction_id}").build(transactionId);
	}

	static URI byRequestId(UriBuilder uri, String requestId) {
		return uri.path("/transactions").queryParam("request_id", requestId).build();
	}

	/**
	 * @param after the cursor of the page to fetch, {@code null} for the first
	 */
	static URI page(UriBuilder uri, TransactionQuery query, @Nullable String after) {
		uri.path("/transactions");
		if (query.requestId() != null) {
			uri.queryParam("request_id", query.requestId());
		}
		list(uri, "transaction_ids", query.transactionIds());
		list(uri, "wallet_ids", query.walletIds());
		list(uri, "statuses", query.statuses());
		list(uri, "types", query.types());
		uri.queryParam("limit", query.pageSize());
		if (after != null) {
			uri.queryParam("after", after);
		}
		return uri.build();
	}

	private static void list(UriBuilder uri, String name, List<String> values) {
		if (!values.isEmpty()) {
			uri.queryParam(name, String.join(",", values));
		}
	}

	static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be empty");
		}
	}

}
