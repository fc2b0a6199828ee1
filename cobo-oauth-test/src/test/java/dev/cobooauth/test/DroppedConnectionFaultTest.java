package dev.cobooauth.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Fault#droppedConnection()} closes the connection without a byte of an answer, as a load
 * balancer closing an idle keep-alive connection does: the client reads end of stream where the status
 * line should be. The request is recorded and counted, but not handled; the next one is answered.
 * Plain sockets, so that no client's own retry hides what went over the wire.
 */
@ExtendWith(CoboSimulatorExtension.class)
class DroppedConnectionFaultTest {

	private CoboSimulator sim;

	@BeforeEach
	void keep(CoboSimulator sim) {
		this.sim = sim;
	}

	@Test
	void closesTheConnectionWithoutAnyAnswerThenAnswersTheNextRequest() throws IOException {
		this.sim.faults().next(1, "GET", "/v2/wallets", Fault.droppedConnection());

		assertThat(exchange("GET /v2/wallets HTTP/1.1")).isEmpty();
		assertThat(exchange("GET /v2/wallets HTTP/1.1")).startsWith("HTTP/1.1 ");

		assertThat(this.sim.counters().endpoint("GET /v2/wallets")).isEqualTo(2);
		assertThat(this.sim.recordedRequests()).extracting(RecordedRequest::rawPath)
			.containsExactly("/v2/wallets", "/v2/wallets");
		assertThat(this.sim.faults().remaining()).isZero();
	}

	@Test
	void dropsAPostAfterReadingItsBodyWithoutHandlingIt() throws IOException {
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.droppedConnection());

		String body = "{\"request_id\":\"r-1\"}";
		assertThat(exchange("POST /v2/transactions/transfer HTTP/1.1", body)).isEmpty();

		assertThat(this.sim.lastRequest().bodyText()).isEqualTo(body);
		assertThat(this.sim.counters().rejections()).isZero();
	}

	@Test
	void dropsTheConnectionAfterTheDelay() throws IOException {
		this.sim.faults().next(1, "/v2/wallets", Fault.droppedConnection().delayedBy(Duration.ofMillis(300)));

		long start = System.nanoTime();
		assertThat(exchange("GET /v2/wallets HTTP/1.1")).isEmpty();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(Fault.droppedConnection().delayedBy(Duration.ofMillis(300)).toString())
			.contains("connection dropped");
	}

	/** Sends one request on a new connection, reads until the server closes it: what came back. */
	private String exchange(String requestLine) throws IOException {
		return exchange(requestLine, "");
	}

	private String exchange(String requestLine, String body) throws IOException {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", this.sim.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String head = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
					+ (content.length > 0 ? "Content-Type: application/json\r\n" : "") + "Content-Length: "
					+ content.length + "\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
