package dev.cobooauth.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone simulator's {@code POST /admin/deliveries}: the body reaches the application signed
 * with the simulator's key, signed afresh at each delivery, and the application's answer comes back.
 */
class AdminDeliveriesTest {

	private final List<String> signatures = new CopyOnWriteArrayList<>();

	private CoboSimulator sim;

	private HttpServer app;

	private CoboDeliveryVerifier verifier;

	@BeforeEach
	void start() throws Exception {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0"),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		this.verifier = CoboDeliveryVerifier.builder(this.sim.responsePublicKeyHex(), "test").build();
		this.app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.app.createContext("/callbacks", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			HttpHeaders headers = new HttpHeaders();
			exchange.getRequestHeaders().forEach(headers::addAll);
			CoboDelivery delivery = this.verifier.verify(headers, body);
			this.signatures.add(exchange.getRequestHeaders().getFirst("BIZ-RESP-SIGNATURE"));
			byte[] answer = (delivery.body().length > 0 ? "deny" : "ok").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.app.start();
	}

	@AfterEach
	void stop() {
		this.app.stop(0);
		this.sim.close();
	}

	@Test
	void deliversTheBodySignedAndAnswersWithTheApplicationsAnswer() throws Exception {
		String body = "{\"transaction_id\":\"t-1\"}";

		HttpResponse<String> first = admin(body);
		Thread.sleep(2);
		HttpResponse<String> second = admin(body);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"status\":200,\"body\":\"deny\"}");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(this.signatures).hasSize(2).doesNotHaveDuplicates();
	}

	private HttpResponse<String> admin(String body) throws Exception {
		String url = "http://127.0.0.1:" + this.app.getAddress().getPort() + "/callbacks";
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.sim.port() + "/admin/deliveries?url="
					+ URLEncoder.encode(url, StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return WireRequest.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
