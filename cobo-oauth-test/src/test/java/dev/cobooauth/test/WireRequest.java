package dev.cobooauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import dev.cobooauth.signing.CoboSigner;

/**
 * One request to a simulator, signed with a {@link RequestSignature} exactly as a correct client signs
 * it (the path, query and body as sent), with knobs to get one thing wrong on purpose.
 */
final class WireRequest {

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/**
	 * The last nonce issued in the whole test run: nonces are the clock's milliseconds, made strictly
	 * increasing, so no two requests share a nonce by accident.
	 */
	private static final AtomicLong LAST_NONCE = new AtomicLong();

	private final CoboSimulator simulator;

	private final CoboSigner signer;

	private final String method;

	private final String path;

	private String query = "";

	private String signedQuery;

	private String body = "";

	private String signedBody;

	private String signedPath;

	private Long nonce;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private WireRequest(CoboSimulator simulator, CoboSigner signer, String method, String path) {
		this.simulator = simulator;
		this.signer = signer;
		this.method = method;
		this.path = path;
	}

	static WireRequest get(CoboSimulator simulator, CoboSigner signer, String path) {
		return new WireRequest(simulator, signer, "GET", path);
	}

	static WireRequest post(CoboSimulator simulator, CoboSigner signer, String path, String json) {
		return new WireRequest(simulator, signer, "POST", path).body(json);
	}

	/** The query sent and signed, exactly as given. */
	WireRequest query(String rawQuery) {
		this.query = rawQuery;
		return this;
	}

	/** Signs this query instead of the one sent. */
	WireRequest signedQuery(String query) {
		this.signedQuery = query;
		return this;
	}

	WireRequest body(String json) {
		this.body = json;
		return this;
	}

	/** Signs this body instead of the one sent. */
	WireRequest signedBody(String json) {
		this.signedBody = json;
		return this;
	}

	/** Signs this path instead of the one sent. */
	WireRequest signedPath(String path) {
		this.signedPath = path;
		return this;
	}

	/** Signs with this nonce instead of a fresh one. */
	WireRequest nonce(long nonceMillis) {
		this.nonce = nonceMillis;
		return this;
	}

	WireRequest bearer(String accessToken) {
		return header("Authorization", "Bearer " + accessToken);
	}

	/** Sets a header, replacing a signature header of the same name; a null value leaves the header out. */
	WireRequest header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	Answer send() {
		try {
			return new Answer(HTTP.send(build(), HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	CompletableFuture<Answer> sendAsync() {
		return HTTP.sendAsync(build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(Answer::new);
	}

	HttpRequest build() {
		RequestSignature signature = RequestSignature.sign(this.signer, this.method,
				(this.signedPath != null) ? this.signedPath : this.path,
				(this.nonce != null) ? this.nonce : nextNonce(),
				(this.signedQuery != null) ? this.signedQuery : this.query,
				((this.signedBody != null) ? this.signedBody : this.body).getBytes(StandardCharsets.UTF_8));
		Map<String, String> all = new LinkedHashMap<>();
		all.put(RequestSignatureHeaders.API_KEY, signature.apiKey());
		all.put(RequestSignatureHeaders.API_NONCE, signature.nonce());
		all.put(RequestSignatureHeaders.API_SIGNATURE, signature.signature());
		all.putAll(this.headers);
		String uri = "http://127.0.0.1:" + this.simulator.port() + this.path
				+ (this.query.isEmpty() ? "" : "?" + this.query);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
			.method(this.method, this.body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(this.body));
		if (!this.body.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		all.forEach((name, value) -> {
			if (value != null) {
				request.header(name, value);
			}
		});
		return request.build();
	}

	private static long nextNonce() {
		long now = System.currentTimeMillis();
		return LAST_NONCE.updateAndGet((previous) -> Math.max(now, previous + 1));
	}

}
