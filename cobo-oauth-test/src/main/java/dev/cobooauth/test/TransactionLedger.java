package dev.cobooauth.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactions each org created, oldest first, with the {@code request_id} that created each:
 * a {@code request_id} is single-use per org, as at Cobo. Thread-safe.
 */
final class TransactionLedger {

	/** The transactions of each org, in creation order. */
	private final Map<String, List<Map<String, Object>>> byOrg = new LinkedHashMap<>();

	/**
	 * Records a transaction unless its request id was used before in the org.
	 * @param transaction the transaction, with {@code request_id} and {@code transaction_id}
	 * @return whether it was recorded
	 */
	synchronized boolean add(String orgId, Map<String, Object> transaction) {
		List<Map<String, Object>> transactions = this.byOrg.computeIfAbsent(orgId, (org) -> new ArrayList<>());
		Object requestId = transaction.get("request_id");
		if (transactions.stream().anyMatch((existing) -> existing.get("request_id").equals(requestId))) {
			return false;
		}
		transactions.add(Map.copyOf(transaction));
		return true;
	}

	/** @return the org's transactions, newest first, as Cobo lists them */
	synchronized List<Map<String, Object>> newestFirst(String orgId) {
		List<Map<String, Object>> transactions = new ArrayList<>(this.byOrg.getOrDefault(orgId, List.of()));
		java.util.Collections.reverse(transactions);
		return transactions;
	}

	/** @return the transaction, or {@code null} when the org has none with that id */
	synchronized Map<String, Object> find(String orgId, String transactionId) {
		return this.byOrg.getOrDefault(orgId, List.of())
			.stream()
			.filter((transaction) -> transaction.get("transaction_id").equals(transactionId))
			.findFirst()
			.orElse(null);
	}

	synchronized void clear() {
		this.byOrg.clear();
	}

}
