package dev.cobooauth.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v2/oauth/permission_token/exchange} and {@code POST /v2/oauth/permission_token/refresh}:
 * Permission Access Tokens for an org, signed with one of its API keys. Any non-blank
 * {@code permission_type} is accepted.
 */
final class PermissionTokenEndpoint {

	private final TokenLedger tokens;

	private final SimulatorCounters counters;

	PermissionTokenEndpoint(TokenLedger tokens, SimulatorCounters counters) {
		this.tokens = tokens;
		this.counters = counters;
	}

	/** {@code {"permission_type": ..}}: 201 and a first pair. */
	SimulatorResponse exchange(SimulatorRequest request, Caller caller) {
		String orgId = orgIdOf(caller, "POST /v2/oauth/permission_token/exchange");
		JsonNode body = JsonBody.readObject(request.body(), Rejection.INVALID_REQUEST);
		RequiredParameters.read(Rejection.INVALID_REQUEST, List.of("permission_type"),
				(name) -> JsonBody.text(body, name));
		return answer(this.tokens.issue(orgId, orgId), Grant.PERMISSION_EXCHANGE);
	}

	/** {@code {"refresh_token": ..}}: 201 and a new pair; the old one stops working. */
	SimulatorResponse refresh(SimulatorRequest request, Caller caller) {
		String orgId = orgIdOf(caller, "POST /v2/oauth/permission_token/refresh");
		JsonNode body = JsonBody.readObject(request.body(), Rejection.INVALID_REQUEST);
		String refreshToken = RequiredParameters
			.read(Rejection.INVALID_REQUEST, List.of("refresh_token"), (name) -> JsonBody.text(body, name))
			.get("refresh_token");
		return answer(this.tokens.rotate(orgId, refreshToken), Grant.PERMISSION_REFRESH);
	}

	private SimulatorResponse answer(TokenLedger.TokenPair pair, Grant grant) {
		this.counters.countGrant(grant);
		this.counters.countOrg(pair.orgId());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", pair.accessToken());
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokens.accessLifetimeSeconds());
		body.put("refresh_token", pair.refreshToken());
		return SimulatorResponse.json(201, body);
	}

	private static String orgIdOf(Caller caller, String endpoint) {
		if (caller instanceof Caller.ApiKey apiKey) {
			return apiKey.orgId();
		}
		throw Rejection.INVALID_CLIENT
			.because(endpoint + " must be signed with an API key; this request was signed with " + caller.describe());
	}

}
