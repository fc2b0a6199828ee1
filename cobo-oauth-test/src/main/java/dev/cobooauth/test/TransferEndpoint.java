package dev.cobooauth.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v2/transactions/transfer}: accepts a JSON object with a {@code request_id} (the rest of
 * the body is not checked) and answers 201 {@code {"request_id", "transaction_id", "status": "Submitted"}}.
 * A {@code request_id} is single-use per org: a second transfer with it gets 400, error_code 12009.
 */
final class TransferEndpoint {

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
		String requestId = RequiredParameters
			.read(Rejection.MISSING_PARAMETER, List.of("request_id"), (name) -> JsonBody.text(body, name))
			.get("request_id");
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

}
