package dev.cobooauth.test;

import java.util.Map;

/**
 * An authentic request as an endpoint sees it.
 *
 * @param wire the request as received
 * @param query the decoded query parameters
 * @param pathVariables the values of the endpoint template's {@code {variables}}, as sent
 */
record SimulatorRequest(RecordedRequest wire, QueryParameters query, Map<String, String> pathVariables) {

	String header(String name) {
		return this.wire.header(name);
	}

	byte[] body() {
		return this.wire.bodyBytes();
	}

	@Override
	public String toString() {
		return "SimulatorRequest[" + this.wire + "]";
	}

}
