package dev.cobooauth.test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The standalone simulator's {@code POST /admin/deliveries?url=<application endpoint>}: delivers the
 * request's body to the URL, signed now as Cobo signs deliveries, and answers 200
 * {@code {"status", "body"}} with the application's answer (status 0 when it gave none in time). Sent
 * again, the same body is signed again. Unsigned, outside {@code /v2}: it stands for Cobo's own
 * delivery machinery, not for its API.
 */
final class AdminDeliveries implements HttpHandler {

	static final String PATH = "/admin/deliveries";

	private final Deliveries deliveries;

	AdminDeliveries(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
			String url = query.first("url");
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (!"POST".equals(exchange.getRequestMethod()) || url == null) {
				send(exchange, 400, Map.of("error", "POST " + PATH + "?url=<application endpoint> with the JSON body"));
				return;
			}
			DeliveryAnswer answer;
			try {
				answer = this.deliveries.deliver(URI.create(url), new String(body, StandardCharsets.UTF_8));
			}
			catch (RuntimeException ex) {
				send(exchange, 502, Map.of("error", "Cannot deliver to " + url + ": " + ex.getMessage()));
				return;
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("status", answer.status());
			result.put("body", answer.body());
			send(exchange, 200, result);
		}
	}

	private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] bytes = JsonBody.write(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

}
