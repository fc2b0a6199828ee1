package dev.cobooauth.signing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests are sent again after their connection went away, and which failures count as
 * that, whatever the HTTP client.
 */
class DroppedConnectionsTest {

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD" })
	void mayResendAGetOrHead(String method) {
		assertThat(DroppedConnections.mayResend(HttpMethod.valueOf(method))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE", "OPTIONS" })
	void neverResendsAnyOtherMethodBecauseCoboMayHaveProcessedIt(String method) {
		assertThat(DroppedConnections.mayResend(HttpMethod.valueOf(method))).isFalse();
	}

	@Test
	void anIoErrorIsADroppedConnectionHoweverDeeplyItIsWrapped() {
		IOException closed = new IOException("HTTP/1.1 header parser received no bytes");

		assertThat(DroppedConnections.isDropped(closed)).isTrue();
		assertThat(DroppedConnections.isDropped(new ResourceAccessException("I/O error", closed))).isTrue();
		assertThat(DroppedConnections.isDropped(new IllegalStateException(new RuntimeException(closed)))).isTrue();
		assertThat(DroppedConnections.isDropped(new ConnectException("Connection refused"))).isTrue();
	}

	@Test
	void aFailureWithoutAnIoErrorIsNot() {
		assertThat(DroppedConnections.isDropped(new IllegalStateException("no I/O here"))).isFalse();
	}

	@Test
	void aTimeoutOfAnyClientIsNot() {
		assertThat(DroppedConnections.isDropped(new HttpTimeoutException("request timed out"))).isFalse();
		assertThat(DroppedConnections.isDropped(new SocketTimeoutException("Read timed out"))).isFalse();
		assertThat(DroppedConnections.isDropped(new IOException("wrapped", new ReadTimeoutException()))).isFalse();
		assertThat(DroppedConnections.isDropped(new ConnectTimeoutException())).isFalse();
	}

	@Test
	void anInterruptionIsNot() {
		assertThat(DroppedConnections.isDropped(new InterruptedIOException())).isFalse();
		assertThat(DroppedConnections.isDropped(new IOException("Request was interrupted", new InterruptedException())))
			.isFalse();
	}

	@Test
	void tellsThePathAndTheIoErrorButNeverTheQuery() {
		String line = DroppedConnections.describeResend(HttpMethod.GET,
				URI.create("https://api.cobo.com/v2/wallets?wallet_id=w-1&after=c-42"),
				new ResourceAccessException("I/O error", new IOException("Connection reset")));

		assertThat(line).startsWith("GET /v2/wallets got no response (IOException: Connection reset)")
			.doesNotContain("c-42");
	}

	/** What Reactor Netty's response timeout looks like: a timeout that is not an I/O error. */
	private static final class ReadTimeoutException extends RuntimeException {

	}

	/** What Reactor Netty's connect timeout looks like: a timeout that is a ConnectException. */
	private static final class ConnectTimeoutException extends ConnectException {

	}

}
