package dev.cobooauth.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an endpoint answers, before it is signed: a status and the exact body bytes.
 *
 * @param status the HTTP status
 * @param body the body bytes; the signature covers exactly these
 * @param contentType the {@code Content-Type} header
 */
record SimulatorResponse(int status, byte[] body, String contentType) {

	private static final String JSON = "application/json";

	static SimulatorResponse json(int status, Map<String, ?> body) {
		return new SimulatorResponse(status, JsonBody.write(body), JSON);
	}

	/** A body given as text, labelled JSON when it looks like JSON (a proxy's error page does not). */
	static SimulatorResponse text(int status, String body) {
		String trimmed = body.strip();
		boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
		return new SimulatorResponse(status, body.getBytes(StandardCharsets.UTF_8),
				json ? JSON : "text/plain; charset=utf-8");
	}

	@Override
	public String toString() {
		return "SimulatorResponse[" + this.status + ", " + this.body.length + " bytes]";
	}

}
