package dev.cobooauth.signing;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.benchmarks.support.FakeCobo;
import dev.cobooauth.benchmarks.support.MachineLoad;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A component of benchmark 2: the check {@code coboRestClient} makes of every answer, Cobo's
 * Ed25519 signature over {@code body|timestamp} ({@code CoboResponseVerifier.verify}), on the answer
 * to benchmark 2's {@code GET /v2/wallets}: {@link FakeCobo}'s ~400-byte body with the headers a
 * plain {@code RestClient} received, fetched once at setup. It is the one step of benchmark 2's
 * overhead that is neither signing (benchmark 1) nor the token lookup (benchmark 3).
 * <p>
 * It measures an internal on purpose: the verifier is package-private in the starter, reached
 * through the endpoint that owns it. So this class lives in the starter's package
 * {@code dev.cobooauth.signing}; this benchmarks module is never published, and nothing here is API.
 * The endpoint itself is built with the public {@link CoboEndpoint#builder(String)}, as the
 * auto-configuration builds it from {@code cobo.response-verification.public-key}.
 * <p>
 * {@code verify} runs on BouncyCastle, {@code verifyOnAwsLc} on AWS-LC (Amazon Corretto Crypto
 * Provider), and {@code bareJcaOnAwsLc} does the same work with one initialized AWS-LC
 * {@code Signature} of its own (digest of {@code body|timestamp}, hex decoded, verified): the floor of
 * any verifier on that provider.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 6, time = 2)
public class ResponseVerificationBenchmark {

	/** Benchmark 2's request. */
	private static final String URI_TEMPLATE = "/wallets?wallet_type=Custodial&limit=10";

	private FakeCobo server;

	private CoboResponseVerifier verifier;

	private CoboResponseVerifier verifierOnAwsLc;

	private Signature bareJcaOnAwsLc;

	private String timestamp;

	private String signatureHex;

	private URI uri;

	private HttpHeaders headers;

	private byte[] body;

	@Setup
	public void setUp() {
		MachineLoad.record("ResponseVerification start");
		this.server = FakeCobo.start(1);
		this.verifier = verifier(CryptoProvider.BOUNCY_CASTLE);
		this.verifierOnAwsLc = verifier(CryptoProvider.AWS_LC);
		ResponseEntity<byte[]> answer = RestClient.builder()
			.baseUrl(this.server.baseUrl())
			.build()
			.get()
			.uri(URI_TEMPLATE)
			.retrieve()
			.toEntity(byte[].class);
		this.uri = URI.create(this.server.baseUrl() + URI_TEMPLATE);
		this.headers = answer.getHeaders();
		this.body = answer.getBody();
		this.timestamp = this.headers.getFirst("BIZ-TIMESTAMP");
		this.signatureHex = this.headers.getFirst("BIZ-RESP-SIGNATURE");
		try {
			this.bareJcaOnAwsLc = Signature.getInstance("Ed25519", AwsLc.probe().provider());
			this.bareJcaOnAwsLc.initVerify(Ed25519Keys.publicKey(HexFormat.of().parseHex(this.server.responsePublicKeyHex())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		// Throws if the answer would be refused: every measured call must take the accepting path.
		verify();
		verifyOnAwsLc();
		if (!bareJcaOnAwsLc()) {
			throw new IllegalStateException("The bare JCA call refuses the answer the starter accepts");
		}
	}

	private CoboResponseVerifier verifier(CryptoProvider provider) {
		return CoboEndpoint.builder(this.server.baseUrl())
			.responsePublicKey(this.server.responsePublicKeyHex(), "benchmark")
			.cryptoProvider(provider)
			.build()
			.responseVerifier()
			.orElseThrow();
	}

	@TearDown
	public void tearDown() {
		this.server.close();
		MachineLoad.record("ResponseVerification end");
	}

	@Benchmark
	public byte[] verify() {
		this.verifier.verify(HttpMethod.GET, this.uri, HttpStatus.OK, this.headers, this.body);
		return this.body;
	}

	@Benchmark
	public byte[] verifyOnAwsLc() {
		this.verifierOnAwsLc.verify(HttpMethod.GET, this.uri, HttpStatus.OK, this.headers, this.body);
		return this.body;
	}

	@Benchmark
	public boolean bareJcaOnAwsLc() {
		try {
			this.bareJcaOnAwsLc.update(SigningDigest.ofResponse(this.body, this.timestamp));
			return this.bareJcaOnAwsLc.verify(HexFormat.of().parseHex(this.signatureHex));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
