package dev.cobooauth.benchmarks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.TestKeyPair;

/**
 * The cheapest server that still looks like Cobo to the client: a JDK {@code HttpServer} on loopback
 * that checks nothing and answers every WaaS request with one fixed body, signed once at startup,
 * and every token request with a fresh token pair, signed per answer.
 * <p>
 * It stands in for the simulator wherever the server's own work would hide the client's: the
 * simulator verifies each request signature, tracks nonces and tokens and signs each answer, tens of
 * microseconds that a plain {@code RestClient} baseline would not pay in the same way. Here both
 * clients cost the server the same, so the difference between them is the client's.
 */
public final class FakeCobo implements AutoCloseable {

	/** What {@code GET /v2/wallets} answers: about 400 bytes, the size of a one-wallet page. */
	public static final String WALLETS_BODY = """
			{"success":true,"data":[{"wallet_id":"f47ac10b-58cc-4372-a567-0e02b2c3d479","wallet_type":"Custodial",\
			"wallet_subtype":"Asset","name":"Treasury","org_id":"org-bench","project_id":null,"vault_id":null,\
			"enable_auto_sweep":false,"created_timestamp":1718000000000,"updated_timestamp":1718000000000}],\
			"pagination":{"before":"","after":"RqeEoTkgKG5rpzqYzg2Hd3szmPoj2cE7w5jWwShz3C1vyGSAk","total_count":1}}""";

	private static final SecureRandom RANDOM = new SecureRandom();

	static {
		// The JDK server writes the headers and the body of an answer separately; with Nagle's
		// algorithm on, the body then waits for the client's delayed ACK, about 40 ms per request.
		// Read once, when the JDK's server configuration class loads, so it must be set before.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final CoboSigner responseKey;

	private final byte[] walletsBody;

	private final String walletsTimestamp;

	private final String walletsSignature;

	private final Duration tokenLatency;

	private final AtomicLong tokenRequests = new AtomicLong();

	private FakeCobo(int threads, Duration tokenLatency) throws IOException {
		this.tokenLatency = tokenLatency;
		this.responseKey = TestKeyPair.generate(KeyType.ED25519).signer();
		this.walletsBody = WALLETS_BODY.getBytes(StandardCharsets.UTF_8);
		this.walletsTimestamp = Long.toString(System.currentTimeMillis());
		this.walletsSignature = this.responseKey.sign(responseDigest(this.walletsBody, this.walletsTimestamp));
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 }), 0), 1024);
		this.executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "fake-cobo");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * @param threads how many requests it serves at once
	 * @return a server, already listening
	 */
	public static FakeCobo start(int threads) {
		return start(threads, Duration.ZERO);
	}

	/**
	 * @param threads how many requests it serves at once
	 * @param tokenLatency how long each token answer takes, as a remote Cobo would
	 * @return a server, already listening
	 */
	public static FakeCobo start(int threads, Duration tokenLatency) {
		try {
			return new FakeCobo(threads, tokenLatency);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the fake Cobo server", ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.readAllBytes();
		}
		if (exchange.getRequestURI().getPath().endsWith("/oauth/token")) {
			this.tokenRequests.incrementAndGet();
			pause(this.tokenLatency);
			byte[] body = tokenPair().getBytes(StandardCharsets.UTF_8);
			String timestamp = Long.toString(System.currentTimeMillis());
			send(exchange, body, timestamp, this.responseKey.sign(responseDigest(body, timestamp)));
		}
		else {
			send(exchange, this.walletsBody, this.walletsTimestamp, this.walletsSignature);
		}
	}

	private static void pause(Duration latency) {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** @return how many token requests it answered */
	public long tokenRequests() {
		return this.tokenRequests.get();
	}

	/** A pair shaped like the simulator's: 32 random bytes each, base64url, 12 hours. */
	private static String tokenPair() {
		return "{\"access_token\":\"" + randomToken() + "\",\"token_type\":\"Bearer\",\"scope\":\"\","
				+ "\"expires_in\":43199,\"refresh_token\":\"" + randomToken() + "\"}";
	}

	private static String randomToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * What Cobo signs in an answer: SHA-256 of SHA-256 of {@code body|timestamp}. Computed here with
	 * the JDK, as a server would, rather than with the client's own digest code.
	 */
	private static byte[] responseDigest(byte[] body, String timestamp) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(body);
			sha256.update((byte) '|');
			sha256.update(timestamp.getBytes(StandardCharsets.UTF_8));
			return sha256.digest(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JDK has no SHA-256", ex);
		}
	}

	private static void send(HttpExchange exchange, byte[] body, String timestamp, String signature)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("BIZ-TIMESTAMP", timestamp);
		exchange.getResponseHeaders().set("BIZ-RESP-SIGNATURE", signature);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** @return {@code http://127.0.0.1:PORT/v2} */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v2";
	}

	/** @return the Ed25519 key (hex) its answers are signed with, to give the client as Cobo's */
	public String responsePublicKeyHex() {
		return this.responseKey.publicKeyHex();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
