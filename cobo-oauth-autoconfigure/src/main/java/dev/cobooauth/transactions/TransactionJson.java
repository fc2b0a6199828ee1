package dev.cobooauth.transactions;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cobo's transaction JSON, read and written with a mapper of the starter's own, so that the bytes
 * sent, signed and sent again do not depend on the application's JSON settings.
 */
final class TransactionJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TransactionJson() {
	}

	static byte[] write(Object request) {
		return MAPPER.writeValueAsBytes(request);
	}

	static CreatedTransaction created(byte[] body) {
		CreatedTransaction created = MAPPER.readValue(body, CreatedTransaction.class);
		if (created == null || created.transactionId() == null || created.requestId() == null) {
			throw new IllegalArgumentException("Cobo's answer to a create has no transaction_id or request_id");
		}
		return created;
	}

	static CoboTransaction transaction(byte[] body) {
		return MAPPER.readValue(body, CoboTransaction.class);
	}

	static CoboTransaction transaction(JsonNode node) {
		return MAPPER.treeToValue(node, CoboTransaction.class);
	}

	/** @return a page of a list answer, {@code {data, pagination: {after}}} */
	static TransactionPage page(byte[] body) {
		JsonNode root = MAPPER.readTree(body);
		List<CoboTransaction> data = new ArrayList<>();
		JsonNode items = root.get("data");
		if (items != null && items.isArray()) {
			for (JsonNode item : items) {
				data.add(transaction(item));
			}
		}
		JsonNode pagination = root.get("pagination");
		JsonNode after = (pagination != null) ? pagination.get("after") : null;
		String cursor = (after != null && after.isString()) ? after.asString() : "";
		return new TransactionPage(data, cursor);
	}

	/**
	 * One page of a list.
	 * @param data the transactions
	 * @param after the cursor of the next page, empty when this is the last
	 */
	record TransactionPage(List<CoboTransaction> data, String after) {

		boolean isLast() {
			return this.after.isEmpty() || this.data.isEmpty();
		}

	}

}
