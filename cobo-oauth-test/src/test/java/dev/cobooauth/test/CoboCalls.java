package dev.cobooauth.test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.cobooauth.signing.CoboSigner;

/**
 * The simulator's operations, called the correct way, for tests that need one as a step.
 */
final class CoboCalls {

	private CoboCalls() {
	}

	static Answer orgImplicit(CoboSimulator sim, CoboSigner appKey, String clientId, String orgId) {
		return WireRequest.get(sim, appKey, "/v2/oauth/token")
			.query("client_id=" + clientId + "&org_id=" + orgId + "&grant_type=org_implicit")
			.send();
	}

	static Answer refreshOrgToken(CoboSimulator sim, CoboSigner appKey, String clientId, String refreshToken) {
		return WireRequest.post(sim, appKey, "/v2/oauth/token", "{\"client_id\":\"" + clientId
				+ "\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken + "\"}")
			.send();
	}

	static Answer exchangePermissionToken(CoboSimulator sim, CoboSigner apiKey) {
		return WireRequest
			.post(sim, apiKey, "/v2/oauth/permission_token/exchange", "{\"permission_type\":\"payment_orders_payin\"}")
			.send();
	}

	static Answer refreshPermissionToken(CoboSimulator sim, CoboSigner apiKey, String refreshToken) {
		return WireRequest
			.post(sim, apiKey, "/v2/oauth/permission_token/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}")
			.send();
	}

	static Answer listWallets(CoboSimulator sim, CoboSigner apiKey) {
		return WireRequest.get(sim, apiKey, "/v2/wallets").send();
	}

	static Answer listWallets(CoboSimulator sim, CoboSigner appKey, String orgAccessToken) {
		return WireRequest.get(sim, appKey, "/v2/wallets").bearer(orgAccessToken).send();
	}

	/**
	 * Sends all the requests at once (each signed with its own nonce) and waits for every answer.
	 * @return the statuses, in the order the requests were made
	 */
	static List<Integer> statusesOfConcurrent(int count, Supplier<WireRequest> request) {
		List<CompletableFuture<Answer>> answers = IntStream.range(0, count)
			.mapToObj((i) -> request.get().sendAsync())
			.toList();
		return answers.stream().map(CompletableFuture::join).map(Answer::status).toList();
	}

}
