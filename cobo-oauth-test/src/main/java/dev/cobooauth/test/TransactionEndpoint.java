package dev.cobooauth.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Creating and reading transactions: {@code POST /v2/transactions/transfer},
 * {@code /contract_call} and {@code /message_sign}, {@code GET /v2/transactions} and
 * {@code GET /v2/transactions/{transaction_id}}.
 * <p>
 * A create accepts a JSON object with the fields Cobo requires and answers 201
 * {@code {"request_id", "transaction_id", "status": "Submitted"}}. Required for a transfer, as in
 * Cobo's API reference: {@code request_id}; {@code source} with {@code source_type} and
 * {@code wallet_id}; {@code token_id}; {@code destination} with {@code destination_type} and, when
 * that is {@code Address}, {@code account_output} with {@code address} and {@code amount}. A contract
 * call or a message sign needs {@code request_id}, {@code chain_id}, {@code source} with
 * {@code source_type} and {@code wallet_id}, and {@code destination} with {@code destination_type}. A
 * create without one of them gets 400, error_code 2003, naming every missing field by its path (e.g.
 * {@code destination.account_output.amount}); {@code source}, {@code destination} or
 * {@code account_output} that is not a JSON object, or one of the other fields that is an object or
 * an array, gets 400, error_code 2006. Values are not checked further. A {@code request_id} is
 * single-use per org: a second create with it gets 400, error_code 12009, and creates nothing.
 * <p>
 * Listing shows the org's transactions newest first, filtered by {@code request_id},
 * {@code transaction_ids}, {@code wallet_ids} and {@code statuses} (comma-separated lists), pages
 * with {@code limit} (1 to 50, default 10) and the transaction-id cursors {@code after} or
 * {@code before}, and answers {@code {"data": [..], "pagination": {"before", "after", "total_count"}}}
 * where a cursor is empty when there is nothing on that side. Reading one transaction of another org,
 * or one that does not exist, gets 404, error_code 2028.
 */
final class TransactionEndpoint {

	/** The {@code destination_type} whose {@code account_output} is required. */
	private static final String ADDRESS = "Address";

	private static final CursorPages PAGES = new CursorPages("transaction_id", "transaction");

	private final OrgAuthorization orgs;

	private final SimulatorCounters counters;

	private final SimulatorClock clock;

	private final TransactionLedger ledger = new TransactionLedger();

	TransactionEndpoint(OrgAuthorization orgs, SimulatorCounters counters, SimulatorClock clock) {
		this.orgs = orgs;
		this.counters = counters;
		this.clock = clock;
	}

	SimulatorResponse transfer(SimulatorRequest request, Caller caller) {
		return create(request, caller, "Withdrawal", true);
	}

	SimulatorResponse contractCall(SimulatorRequest request, Caller caller) {
		return create(request, caller, "ContractCall", false);
	}

	SimulatorResponse messageSign(SimulatorRequest request, Caller caller) {
		return create(request, caller, "MessageSign", false);
	}

	SimulatorResponse list(SimulatorRequest request, Caller caller) {
		String orgId = this.orgs.orgOf(request, caller);
		QueryParameters query = request.query();
		List<Map<String, Object>> transactions = this.ledger.newestFirst(orgId)
			.stream()
			.filter(matches("request_id", Set.copyOf(listOf(query.first("request_id")))))
			.filter(matches("transaction_id", Set.copyOf(listOf(query.first("transaction_ids")))))
			.filter(matches("wallet_id", Set.copyOf(listOf(query.first("wallet_ids")))))
			.filter(matches("status", Set.copyOf(listOf(query.first("statuses")))))
			.toList();
		Map<String, Object> page = PAGES.page(transactions, query);
		this.counters.countOrg(orgId);
		return SimulatorResponse.json(200, page);
	}

	SimulatorResponse get(SimulatorRequest request, Caller caller) {
		String orgId = this.orgs.orgOf(request, caller);
		String transactionId = request.pathVariables().get("transaction_id");
		Map<String, Object> transaction = this.ledger.find(orgId, transactionId);
		if (transaction == null) {
			throw Rejection.NOT_FOUND
				.because("Transaction '" + transactionId + "' not found in org '" + orgId + "'");
		}
		this.counters.countOrg(orgId);
		return SimulatorResponse.json(200, transaction);
	}

	/** @return the ids of the transactions the org created, oldest first */
	List<String> transactionIds(String orgId) {
		List<String> ids = new ArrayList<>(
				this.ledger.newestFirst(orgId).stream().map((t) -> (String) t.get("transaction_id")).toList());
		java.util.Collections.reverse(ids);
		return ids;
	}

	void clear() {
		this.ledger.clear();
	}

	String event(String type, String orgId, String transactionId, long now) {
		if (type == null || !type.startsWith("wallets.transaction.")) {
			throw new IllegalArgumentException("type must be a wallets.transaction.* event type, was " + type);
		}
		Map<String, Object> transaction = this.ledger.find(orgId, transactionId);
		if (transaction == null) {
			throw new IllegalArgumentException("Org '" + orgId + "' has no transaction '" + transactionId + "'");
		}
		Map<String, Object> data = new LinkedHashMap<>(transaction);
		data.put("data_type", "Transaction");
		data.put("status", switch (type) {
			case "wallets.transaction.succeeded" -> "Completed";
			case "wallets.transaction.failed" -> "Failed";
			default -> transaction.get("status");
		});
		data.put("updated_timestamp", now);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("event_id", UUID.randomUUID().toString());
		event.put("url", "");
		event.put("created_timestamp", now);
		event.put("type", type);
		event.put("data", data);
		event.put("status", "Delivered");
		event.put("next_retry_timestamp", 0);
		event.put("retries_left", 10);
		return new String(JsonBody.write(event), java.nio.charset.StandardCharsets.UTF_8);
	}

	private SimulatorResponse create(SimulatorRequest request, Caller caller, String type, boolean transfer) {
		String orgId = this.orgs.orgOf(request, caller);
		JsonNode body = JsonBody.readObject(request.body(), Rejection.BAD_PARAMETER);
		if (transfer) {
			checkTransferFields(body);
		}
		else {
			checkCallFields(body);
		}
		String requestId = body.get("request_id").asString();
		long now = this.clock.now().toEpochMilli();
		Map<String, Object> transaction = new LinkedHashMap<>();
		transaction.put("transaction_id", UUID.randomUUID().toString());
		transaction.put("request_id", requestId);
		transaction.put("wallet_id", body.get("source").get("wallet_id").asString());
		transaction.put("type", type);
		transaction.put("status", "Submitted");
		putText(transaction, body, "chain_id");
		putText(transaction, body, "token_id");
		transaction.put("source", body.get("source"));
		transaction.put("destination", body.get("destination"));
		putText(transaction, body, "description");
		transaction.put("created_timestamp", now);
		transaction.put("updated_timestamp", now);
		if (!this.ledger.add(orgId, transaction)) {
			throw Rejection.DUPLICATE_REQUEST_ID
				.because("request_id '" + requestId + "' was already used in org '" + orgId + "'");
		}
		this.counters.countOrg(orgId);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("request_id", requestId);
		answer.put("transaction_id", transaction.get("transaction_id"));
		answer.put("status", "Submitted");
		return SimulatorResponse.json(201, answer);
	}

	private static void putText(Map<String, Object> transaction, JsonNode body, String field) {
		String value = JsonBody.text(body, field);
		if (value != null) {
			transaction.put(field, value);
		}
	}

	private static java.util.function.Predicate<Map<String, Object>> matches(String field, Set<String> values) {
		return (transaction) -> values.isEmpty() || values.contains(String.valueOf(transaction.get(field)));
	}

	private static List<String> listOf(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return List.of();
		}
		return List.of(commaSeparated.split(","));
	}


	private static void checkTransferFields(JsonNode body) {
		RequiredFields fields = new RequiredFields();
		fields.value(body, "", "request_id");
		checkSource(fields, body);
		fields.value(body, "", "token_id");
		JsonNode destination = fields.object(body, "", "destination");
		if (destination != null) {
			fields.value(destination, "destination.", "destination_type");
			if (ADDRESS.equals(JsonBody.text(destination, "destination_type"))) {
				JsonNode output = fields.object(destination, "destination.", "account_output");
				if (output != null) {
					fields.value(output, "destination.account_output.", "address");
					fields.value(output, "destination.account_output.", "amount");
				}
			}
		}
		fields.check();
	}

	private static void checkCallFields(JsonNode body) {
		RequiredFields fields = new RequiredFields();
		fields.value(body, "", "request_id");
		fields.value(body, "", "chain_id");
		checkSource(fields, body);
		JsonNode destination = fields.object(body, "", "destination");
		if (destination != null) {
			fields.value(destination, "destination.", "destination_type");
		}
		fields.check();
	}

	private static void checkSource(RequiredFields fields, JsonNode body) {
		JsonNode source = fields.object(body, "", "source");
		if (source != null) {
			fields.value(source, "source.", "source_type");
			fields.value(source, "source.", "wallet_id");
		}
	}

	/** Collects the paths of the required fields a body lacks, so that one answer names them all. */
	private static final class RequiredFields {

		private final List<String> missing = new ArrayList<>();

		/** A field with a value: absent, {@code null} and a blank string count as missing. */
		void value(JsonNode parent, String prefix, String name) {
			JsonNode value = parent.get(name);
			if (isAbsent(value) || (value.isString() && value.stringValue().isBlank())) {
				this.missing.add(prefix + name);
			}
			else if (value.isContainer()) {
				throw Rejection.BAD_PARAMETER.because(prefix + name + " must be a string, not a JSON object or array");
			}
		}

		/** @return the field's object, or {@code null} when it is missing */
		JsonNode object(JsonNode parent, String prefix, String name) {
			JsonNode value = parent.get(name);
			if (isAbsent(value)) {
				this.missing.add(prefix + name);
				return null;
			}
			if (!value.isObject()) {
				throw Rejection.BAD_PARAMETER.because(prefix + name + " must be a JSON object");
			}
			return value;
		}

		void check() {
			if (!this.missing.isEmpty()) {
				throw Rejection.MISSING_PARAMETER
					.because("Missing required parameter(s): " + String.join(", ", this.missing));
			}
		}

		private static boolean isAbsent(JsonNode value) {
			return value == null || value.isNull() || value.isMissingNode();
		}

	}

}
