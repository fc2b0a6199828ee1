package dev.cobooauth.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies of {@code POST /v2/transactions/transfer}: a complete one, as Cobo's API reference asks for it,
 * and the same with one field changed or taken out.
 */
final class Transfers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Transfers() {
	}

	/** @return a transfer of 0.001 ETH from an MPC wallet to an address, complete */
	static String toAddress(String requestId) {
		return """
				{"request_id":"%s","source":{"source_type":"Org-Controlled","wallet_id":"f47ac10b-58cc-4372-a567-0e02b2c3d479"},\
				"token_id":"ETH","destination":{"destination_type":"Address","account_output":\
				{"address":"0x0000000000000000000000000000000000000001","amount":"0.001"}}}""".formatted(requestId);
	}

	/**
	 * @param path a field, e.g. {@code destination.account_output.amount}
	 * @return a complete transfer without that field
	 */
	static String toAddressWithout(String requestId, String path) {
		ObjectNode body = (ObjectNode) JSON.readTree(toAddress(requestId));
		int dot = path.lastIndexOf('.');
		parentOf(body, path, dot).remove(path.substring(dot + 1));
		return JSON.writeValueAsString(body);
	}

	/**
	 * @param path a field, e.g. {@code source}
	 * @param json the field's new value, as JSON
	 * @return a complete transfer with that field set to the value
	 */
	static String toAddressWith(String requestId, String path, String json) {
		ObjectNode body = (ObjectNode) JSON.readTree(toAddress(requestId));
		int dot = path.lastIndexOf('.');
		parentOf(body, path, dot).set(path.substring(dot + 1), JSON.readTree(json));
		return JSON.writeValueAsString(body);
	}

	private static ObjectNode parentOf(ObjectNode body, String path, int dot) {
		JsonNode parent = body;
		if (dot > 0) {
			for (String name : path.substring(0, dot).split("\\.")) {
				parent = parent.get(name);
			}
		}
		return (ObjectNode) parent;
	}

}
