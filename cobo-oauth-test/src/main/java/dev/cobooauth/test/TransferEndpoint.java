package dev.cobooauth.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v2/transactions/transfer}: accepts a JSON object with the fields Cobo requires and
 * answers 201 {@code {"request_id", "transaction_id", "status": "Submitted"}}.
 * <p>
 * Required, as in Cobo's API reference: {@code request_id}; {@code source} with {@code source_type}
 * and {@code wallet_id}; {@code token_id}; {@code destination} with {@code destination_type} and,
 * when that is {@code Address}, {@code account_output} with {@code address} and {@code amount}. A
 * transfer without one of them gets 400, error_code 2003, naming every missing field by its path
 * (e.g. {@code destination.account_output.amount}); {@code source}, {@code destination} or
 * {@code account_output} that is not a JSON object, or one of the other fields that is an object or
 * an array, gets 400, error_code 2006. Values are not checked further, and other fields are ignored.
 * A {@code request_id} is single-use per org: a second transfer with it gets 400, error_code 12009.
 */
final class TransferEndpoint {

	/** The {@code destination_type} whose {@code account_output} is required. */
	private static final String ADDRESS = "Address";

	private final OrgAuthorization orgs;

	private final SimulatorCounters counters;

	/** Transaction id by org and request id. */
	private final Map<List<String>, String> transactions = new ConcurrentHashMap<>();

	TransferEndpoint(OrgAuthorization orgs, SimulatorCounters counters) {
		this.orgs = orgs;
		this.counters = counters;
	}

	SimulatorResponse transfer(SimulatorRequest request, Caller caller) {
		String orgId = this.orgs.orgOf(request, caller);
		JsonNode body = JsonBody.readObject(request.body(), Rejection.BAD_PARAMETER);
		checkRequiredFields(body);
		String requestId = body.get("request_id").asString();
		String transactionId = UUID.randomUUID().toString();
		if (this.transactions.putIfAbsent(List.of(orgId, requestId), transactionId) != null) {
			throw Rejection.DUPLICATE_REQUEST_ID
				.because("request_id '" + requestId + "' was already used in org '" + orgId + "'");
		}
		this.counters.countOrg(orgId);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("request_id", requestId);
		answer.put("transaction_id", transactionId);
		answer.put("status", "Submitted");
		return SimulatorResponse.json(201, answer);
	}

	void clear() {
		this.transactions.clear();
	}

	private static void checkRequiredFields(JsonNode body) {
		RequiredFields fields = new RequiredFields();
		fields.value(body, "", "request_id");
		JsonNode source = fields.object(body, "", "source");
		if (source != null) {
			fields.value(source, "source.", "source_type");
			fields.value(source, "source.", "wallet_id");
		}
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
		if (!fields.missing.isEmpty()) {
			throw Rejection.MISSING_PARAMETER
				.because("Missing required parameter(s): " + String.join(", ", fields.missing));
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

		private static boolean isAbsent(JsonNode value) {
			return value == null || value.isNull() || value.isMissingNode();
		}

	}

}
