package dev.cobooauth.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.WireSignature;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every Cobo client must do on the wire, whichever HTTP stack it uses: sign exactly what it
 * sends, send the query in canonical form, and let only responses signed by Cobo through. Each
 * stack's test supplies how to make a call.
 */
public abstract class SignedExchangeContract {

	@StartStop
	protected final MockWebServer server = new MockWebServer();

	private final String appKey = TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519).publicKeyHex();

	/**
	 * Makes one call through a client configured for Cobo at {@code baseUrl}.
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param signer the signer to use
	 * @param method the method
	 * @param uri builds the URI from the base URL
	 * @param body the JSON body, or null for none
	 * @return the response body the caller got
	 */
	protected abstract String call(CoboEndpoint endpoint, CoboSigner signer, HttpMethod method,
			Function<UriBuilder, URI> uri, String body);

	/**
	 * @param failure what the call threw for an HTTP error status
	 * @return the status the stack's exception reports
	 */
	protected abstract int statusOf(Throwable failure);

	/**
	 * @return what signs the requests and verifies the responses; {@link CryptoProvider#AUTO}, which
	 * is AWS-LC on the test class path, unless a subclass says otherwise
	 */
	protected CryptoProvider cryptoProvider() {
		return CryptoProvider.AUTO;
	}

	private String call(HttpMethod method, Function<UriBuilder, URI> uri, String body) {
		return call(endpoint(this.server.url("/v2").toString()), signer(), method, uri, body);
	}

	private String get(Function<UriBuilder, URI> uri) {
		return call(HttpMethod.GET, uri, null);
	}

	private CoboEndpoint endpoint(String baseUrl) {
		return CoboEndpoint.builder(baseUrl)
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.cryptoProvider(cryptoProvider())
			.build();
	}

	private CoboSigner signer() {
		return CoboSigner.of(KeyType.ED25519, TestKeys.APP_SECRET, "test", cryptoProvider());
	}

	private RecordedRequest received() throws InterruptedException {
		return this.server.takeRequest();
	}

	// --- requests -------------------------------------------------------------------------

	static Stream<Named<JsonNode>> queryVectors() throws IOException {
		try (InputStream in = SignedExchangeContract.class.getResourceAsStream("/signing-vectors.json")) {
			List<Named<JsonNode>> selected = new ArrayList<>();
			for (JsonNode vector : JsonMapper.builder().build().readTree(in).get("vectors")) {
				if (!vector.get("query_params").isEmpty()) {
					selected.add(Named.of(vector.get("id").asInt() + ": " + vector.get("description").asString(), vector));
				}
			}
			return selected.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("queryVectors")
	void sendsAndSignsTheCanonicalQueryOfEveryVector(JsonNode vector) throws Exception {
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		get((builder) -> {
			builder.path(vector.get("path").asString().substring("/v2".length()));
			for (JsonNode param : vector.get("query_params")) {
				builder.queryParam(param.get(0).asString(), param.get(1).asString());
			}
			return builder.build();
		});

		RecordedRequest request = received();
		String expected = vector.get("query_encodings").get("python_signed_and_wire").asString();
		assertThat(request.getTarget()).isEqualTo(vector.get("wire").get("path").asString() + "?" + expected);
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "&", "=", "+", "/", "?", "%", "*", "'", "(", ")", "!", ",", ";", ":", "~", "#", "@",
			"$", "|", "é", "中", "💰" })
	void sendsEachPunctuationClassInTheFormCobosServerReencodesTo(String character) throws Exception {
		String value = "a" + character + "b";
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		get((builder) -> builder.path("/wallets").queryParam("project_id", value).build());

		RecordedRequest request = received();
		assertThat(request.getUrl().encodedQuery()).isEqualTo("project_id=" + pythonQuotePlus(value));
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "&", "=", "+", "/", "?", "%", "*", "'", "(", ")", "!", ",", ";", ":", "中" })
	void encodesUriVariablesTheSameWayAsQueryParameters(String character) throws Exception {
		String value = "a" + character + "b";
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		get((builder) -> builder.path("/wallets").query("project_id={value}").build(value));

		RecordedRequest request = received();
		assertThat(request.getUrl().encodedQuery()).isEqualTo("project_id=" + pythonQuotePlus(value));
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void keepsRepeatedParametersInTheirOrder() throws Exception {
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		// Spring's URI builders group values by name, so only a ready URI keeps this order.
		get((builder) -> URI.create(this.server.url("/v2/wallets") + "?b=2&a=1&b=3"));

		RecordedRequest request = received();
		assertThat(request.getUrl().encodedQuery()).isEqualTo("b=2&a=1&b=3");
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void leavesOutParametersWithAnEmptyValueAsCobosSdksDo() throws Exception {
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		get((builder) -> builder.path("/wallets").queryParam("after", "").queryParam("limit", "10").build());

		RecordedRequest request = received();
		assertThat(request.getTarget()).isEqualTo("/v2/wallets?limit=10");
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void signsAGetWithoutQuery() throws Exception {
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		get((builder) -> builder.path("/wallets").build());

		RecordedRequest request = received();
		assertThat(WireSignature.stringToSign(request)).matches("GET\\|/v2/wallets\\|\\d{13}\\|\\|");
		assertThat(request.getHeaders().get("BIZ-API-KEY")).isEqualTo(this.appKey);
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void signsTheEncodedPathAsSent() throws Exception {
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		get((builder) -> builder.path("/wallets/{id}").build("a b/c"));

		RecordedRequest request = received();
		assertThat(request.getTarget()).isEqualTo("/v2/wallets/a%20b%2Fc");
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void signsTheExactBodyBytesTheServerReceived() throws Exception {
		String body = "{\"request_id\":\"中文-💰\",\"note\":\"a|b \\\"q\\\" \\\\ \\n\",\"amount\":\"0.01\"}";
		this.server.enqueue(SignedResponses.signed(201, "{}"));

		call(HttpMethod.POST, (builder) -> builder.path("/transactions/transfer").build(), body);

		RecordedRequest request = received();
		assertThat(WireSignature.bodyOf(request)).isEqualTo(body);
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void signsAPostWithAnEmptyBody() throws Exception {
		this.server.enqueue(SignedResponses.signed(201, "{}"));

		call(HttpMethod.POST, (builder) -> builder.path("/oauth/permission_token/refresh").build(), null);

		RecordedRequest request = received();
		assertThat(WireSignature.bodyOf(request)).isEmpty();
		assertThat(WireSignature.stringToSign(request)).endsWith("||");
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v2", "/v2/" })
	void signsTheSamePathWithOrWithoutATrailingSlashOnTheBaseUrl(String basePath) throws Exception {
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		call(endpoint(this.server.url(basePath).toString().replaceAll("/v2/?$", basePath)), signer(), HttpMethod.GET,
				(builder) -> builder.path("/wallets").queryParam("limit", "5").build(), null);

		RecordedRequest request = received();
		assertThat(request.getTarget()).isEqualTo("/v2/wallets?limit=5");
		assertThat(WireSignature.verifies(request, this.appKey)).isTrue();
	}

	@Test
	void neverSendsTheSameNonceTwice() throws Exception {
		// one endpoint and signer, as an application has: each pair's nonces run behind the clock by a
		// random offset of its own, so two pairs may well issue the same nonce
		CoboEndpoint endpoint = endpoint(this.server.url("/v2").toString());
		CoboSigner signer = signer();
		Set<String> nonces = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			this.server.enqueue(SignedResponses.signed(200, "{}"));
			call(endpoint, signer, HttpMethod.GET,
					(builder) -> builder.path("/wallets").build(), null);
			nonces.add(received().getHeaders().get("BIZ-API-NONCE"));
		}
		assertThat(nonces).hasSize(20);
	}

	// --- responses ------------------------------------------------------------------------

	@ParameterizedTest
	@ValueSource(strings = { "BIZ-TIMESTAMP/BIZ-RESP-SIGNATURE", "BIZ_TIMESTAMP/BIZ_RESP_SIGNATURE",
			"biz-timestamp/biz-resp-signature", "Biz_Timestamp/Biz_Resp_Signature" })
	void acceptsASignedResponseWhicheverWayItsHeadersAreSpelled(String spelling) {
		String[] names = spelling.split("/");
		this.server.enqueue(SignedResponses.signed(200, "{\"data\":[]}", names[0], names[1]));

		assertThat(get((builder) -> builder.path("/wallets").build())).isEqualTo("{\"data\":[]}");
	}

	@Test
	void refusesAnUnsignedResponse() {
		this.server.enqueue(SignedResponses.unsigned(200, "{\"data\":[\"forged\"]}"));

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isInstanceOfSatisfying(CoboResponseSignatureException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(CoboResponseSignatureException.Reason.MISSING))
			.hasMessageNotContaining("forged");
	}

	@Test
	void refusesATamperedResponse() {
		String original = "{\"amount\":\"1\"}";
		var signed = SignedResponses.signed(200, original);
		this.server.enqueue(signed.newBuilder().body("{\"amount\":\"9\"}").build());

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isInstanceOfSatisfying(CoboResponseSignatureException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(CoboResponseSignatureException.Reason.INVALID))
			.hasMessageNotContaining("amount");
	}

	@Test
	void refusesAResponseSignedWithAnotherKey() {
		this.server.enqueue(SignedResponses.signedBy(TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519), 200, "{}",
				"BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE"));

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isInstanceOf(CoboResponseSignatureException.class);
	}

	@Test
	void refusesAnUnsignedServerError() {
		this.server.enqueue(SignedResponses.unsigned(500, "{\"error_code\":1000}"));

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isInstanceOf(CoboResponseSignatureException.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { 414, 429, 502, 503 })
	void passesUnsignedProxyStatusesAsHttpErrors(int status) {
		this.server.enqueue(SignedResponses.unsigned(status, "{}"));

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isNotInstanceOf(CoboResponseSignatureException.class)
			.satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(status));
	}

	@Test
	void passesASignedErrorResponseAsAnHttpError() {
		this.server.enqueue(SignedResponses.signed(403, "{\"error_code\":2025,\"error_message\":\"Forbidden\"}"));

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(403));
	}

	// --- freshness, size and redirects ----------------------------------------------------------

	@ParameterizedTest
	@ValueSource(longs = { -10, 10 })
	void refusesASignedAnswerWhoseTimestampIsFurtherThanTheToleranceEitherWay(long minutes) {
		long at = System.currentTimeMillis() + Duration.ofMinutes(minutes).toMillis();
		this.server.enqueue(SignedResponses.signedAt(at, 200, "{\"data\":[\"replayed\"]}"));

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isInstanceOfSatisfying(CoboResponseSignatureException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(CoboResponseSignatureException.Reason.STALE))
			.hasMessageContaining("cobo.response-verification.tolerance")
			.hasMessageNotContaining("replayed");
	}

	@Test
	void acceptsASignedAnswerWithinTheTolerance() {
		long at = System.currentTimeMillis() - Duration.ofMinutes(4).toMillis();
		this.server.enqueue(SignedResponses.signedAt(at, 200, "{\"data\":[]}"));

		assertThat(get((builder) -> builder.path("/wallets").build())).isEqualTo("{\"data\":[]}");
	}

	@Test
	void readsTheTimestampFromTheGivenClock() {
		long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
		this.server.enqueue(SignedResponses.signedAt(tenMinutesAgo, 200, "{}"));
		CoboEndpoint endpoint = CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.clock(Clock.fixed(Instant.ofEpochMilli(tenMinutesAgo).plusSeconds(1), ZoneOffset.UTC))
			.build();

		assertThat(call(endpoint, signer(), HttpMethod.GET, (builder) -> builder.path("/wallets").build(), null))
			.isEqualTo("{}");
	}

	@Test
	void refusesABodyLargerThanTheMaximumWithoutBufferingItAndServesTheNextCall() {
		String large = "{\"data\":\"" + "x".repeat(64 * 1024) + "\"}";
		this.server.enqueue(SignedResponses.signed(200, large));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		CoboEndpoint endpoint = CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.maxResponseBodySize(DataSize.ofKilobytes(16))
			.build();

		assertThatThrownBy(() -> call(endpoint, signer(), HttpMethod.GET, (builder) -> builder.path("/wallets").build(),
				null))
			.isInstanceOfSatisfying(CoboResponseSignatureException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(CoboResponseSignatureException.Reason.TOO_LARGE))
			.hasMessageContaining("cobo.response-verification.max-body-size");
		assertThat(call(endpoint, signer(), HttpMethod.GET, (builder) -> builder.path("/wallets").build(), null))
			.isEqualTo("{}");
	}

	@Test
	void refusesABodyLargerThanTheMaximumThatDeclaresNoLength() {
		String large = "{\"data\":\"" + "x".repeat(64 * 1024) + "\"}";
		var signed = SignedResponses.signed(200, large);
		this.server.enqueue(signed.newBuilder().chunkedBody(large, 1024).build());
		CoboEndpoint endpoint = CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.maxResponseBodySize(DataSize.ofKilobytes(16))
			.build();

		assertThatThrownBy(() -> call(endpoint, signer(), HttpMethod.GET, (builder) -> builder.path("/wallets").build(),
				null))
			.isInstanceOfSatisfying(CoboResponseSignatureException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(CoboResponseSignatureException.Reason.TOO_LARGE));
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void refusesARedirectAsAnErrorOfItsOwn(int status) {
		this.server.enqueue(new MockResponse.Builder().code(status).addHeader("Location", "/elsewhere").build());

		assertThatThrownBy(() -> get((builder) -> builder.path("/wallets").build()))
			.isInstanceOfSatisfying(CoboRedirectException.class,
					(ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(status))
			.hasMessageContaining("redirect");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	/** Python's {@code quote_plus}, from the JDK's form encoder, which differs only on * and ~. */
	private static String pythonQuotePlus(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
	}

}
