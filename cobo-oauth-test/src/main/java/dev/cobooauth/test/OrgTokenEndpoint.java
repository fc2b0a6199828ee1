package dev.cobooauth.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v2/oauth/token} ({@code org_implicit}) and {@code POST /v2/oauth/token}
 * ({@code refresh_token}): Org Access Tokens for a Cobo Portal App, signed with its app key.
 */
final class OrgTokenEndpoint {

	private final Registrations registrations;

	private final TokenLedger tokens;

	private final SimulatorCounters counters;

	OrgTokenEndpoint(Registrations registrations, TokenLedger tokens, SimulatorCounters counters) {
		this.registrations = registrations;
		this.tokens = tokens;
		this.counters = counters;
	}

	/** {@code GET /v2/oauth/token?client_id=..&org_id=..&grant_type=org_implicit}: 200 and a first pair. */
	SimulatorResponse issue(SimulatorRequest request, Caller caller) {
		String clientId = clientIdOf(caller, "GET /v2/oauth/token");
		Map<String, String> parameters = RequiredParameters.read(Rejection.INVALID_REQUEST,
				List.of("client_id", "org_id", "grant_type"), request.query()::first);
		checkGrantType(parameters.get("grant_type"), "org_implicit");
		checkSameClient(clientId, parameters.get("client_id"));
		String orgId = parameters.get("org_id");
		if (!this.registrations.isInstalled(clientId, orgId)) {
			throw Rejection.APP_NOT_INSTALLED.because("The app '" + clientId + "' is not installed in org '" + orgId
					+ "'; an org admin must install it first (installApp)");
		}
		return answer(this.tokens.issue(clientId, orgId), Grant.ORG_IMPLICIT);
	}

	/**
	 * {@code POST /v2/oauth/token} with {@code client_id}, {@code grant_type}, {@code refresh_token}: 200 and
	 * a new pair; the old pair stops working.
	 */
	SimulatorResponse refresh(SimulatorRequest request, Caller caller) {
		String clientId = clientIdOf(caller, "POST /v2/oauth/token");
		JsonNode body = JsonBody.readObject(request.body(), Rejection.INVALID_REQUEST);
		Map<String, String> parameters = RequiredParameters.read(Rejection.INVALID_REQUEST,
				List.of("client_id", "grant_type", "refresh_token"), (name) -> JsonBody.text(body, name));
		checkGrantType(parameters.get("grant_type"), "refresh_token");
		checkSameClient(clientId, parameters.get("client_id"));
		return answer(this.tokens.rotate(clientId, parameters.get("refresh_token")), Grant.REFRESH_TOKEN);
	}

	private SimulatorResponse answer(TokenLedger.TokenPair pair, Grant grant) {
		this.counters.countGrant(grant);
		this.counters.countOrg(pair.orgId());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", pair.accessToken());
		body.put("token_type", "Bearer");
		body.put("scope", "");
		body.put("expires_in", this.tokens.accessLifetimeSeconds());
		body.put("refresh_token", pair.refreshToken());
		return SimulatorResponse.json(200, body);
	}

	private static String clientIdOf(Caller caller, String endpoint) {
		if (caller instanceof Caller.App app) {
			return app.clientId();
		}
		throw Rejection.INVALID_CLIENT
			.because(endpoint + " must be signed with an app key; this request was signed with " + caller.describe());
	}

	private static void checkGrantType(String grantType, String expected) {
		if (!expected.equals(grantType)) {
			throw Rejection.UNSUPPORTED_GRANT_TYPE
				.because("grant_type '" + grantType + "' is not served here; expected '" + expected + "'");
		}
	}

	private static void checkSameClient(String signerClientId, String requestedClientId) {
		if (!signerClientId.equals(requestedClientId)) {
			throw Rejection.INVALID_CLIENT.because("client_id '" + requestedClientId
					+ "' is not the client whose app key signed the request ('" + signerClientId + "')");
		}
	}

}
