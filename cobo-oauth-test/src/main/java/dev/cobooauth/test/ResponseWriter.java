package dev.cobooauth.test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Sends an answer signed as Cobo signs its responses ({@code BIZ-TIMESTAMP} and
 * {@code BIZ-RESP-SIGNATURE} over {@code body|timestamp}), with the signing fault of a {@link Fault}
 * applied and after its delay.
 */
final class ResponseWriter {

	private final ResponseSigningKey signingKey;

	private final ResponseHeaderSpelling spelling;

	private final Clock cobosClock;

	/**
	 * @param cobosClock the time answers are signed at: the simulator's clock, since Cobo signs with
	 * its own time and an application that follows {@link CoboSimulator#clock()} compares with it
	 */
	ResponseWriter(ResponseSigningKey signingKey, ResponseHeaderSpelling spelling, Clock cobosClock) {
		this.signingKey = signingKey;
		this.spelling = spelling;
		this.cobosClock = cobosClock;
	}

	void write(HttpExchange exchange, SimulatorResponse response, Fault fault) throws IOException {
		byte[] body = response.body();
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", response.contentType());
		if (fault.signing() != Fault.Signing.DROPPED) {
			String timestamp = Long.toString(this.cobosClock.millis() - fault.signatureAge().toMillis());
			String signature = this.signingKey.sign(CoboDigest.ofResponse(body, timestamp));
			headers.set(this.spelling.timestampHeader(), timestamp);
			headers.set(this.spelling.signatureHeader(),
					(fault.signing() == Fault.Signing.CORRUPTED) ? corrupt(signature) : signature);
		}
		if (fault.signing() == Fault.Signing.BODY_TAMPERED) {
			body = tamper(body);
		}
		pause(fault.delay());
		exchange.sendResponseHeaders(response.status(), (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/** Changes the last hex digit, so the signature stays well-formed but does not verify. */
	private static String corrupt(String signature) {
		char last = signature.charAt(signature.length() - 1);
		return signature.substring(0, signature.length() - 1) + ((last == '0') ? '1' : '0');
	}

	/** Adds a field to a JSON object, so the body still parses; appends a space to anything else. */
	private static byte[] tamper(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		boolean filledObject = text.startsWith("{") && !text.startsWith("{}");
		String tampered = filledObject ? "{\"tampered\":true," + text.substring(1) : text + " ";
		return tampered.getBytes(StandardCharsets.UTF_8);
	}

	static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
