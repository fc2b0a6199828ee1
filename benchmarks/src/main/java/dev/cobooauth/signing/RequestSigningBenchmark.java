package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.benchmarks.support.MachineLoad;
import dev.cobooauth.test.TestKeyPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1: the cost of signing one typical request, everything {@code CoboSigningInterceptor}
 * does short of touching HTTP: nonce, canonical query, double SHA-256 digest, Ed25519 signature and
 * hex. Against two baselines in the same run: the way Cobo's official Java SDK signs
 * ({@link CoboJavaSdkSigning}) and the JDK's own Ed25519 ({@link JdkEd25519Signing}). The starter is
 * measured on each {@link CryptoProvider}: {@code ours} on BouncyCastle, {@code oursOnAwsLc} on AWS-LC
 * (Amazon Corretto Crypto Provider), beside {@code bareJcaOnAwsLc}, the same pipeline with one
 * initialized AWS-LC {@code Signature} of its own, the floor of any signer on that provider.
 * <p>
 * Before anything is measured, the setup proves the comparison fair: for one fixed nonce, all three
 * sign the same digest of the same string to sign, produce the same signature (Ed25519 is
 * deterministic), and that signature verifies with the starter's verifier under the starter's key.
 * <p>
 * It measures internals on purpose ({@code CoboRequestSigner}, {@code SigningDigest},
 * {@code CanonicalQuery}, {@code NonceSource}, {@code CoboSignatureVerifier}), all package-private
 * in the starter, so it lives in the starter's package {@code dev.cobooauth.signing}: this
 * benchmarks module is never published, and nothing here is API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 6, time = 2)
public class RequestSigningBenchmark {

	@Param({ "GET_WALLETS", "POST_TRANSFER" })
	public TypicalRequest request;

	private CoboRequestSigner ours;

	private CoboRequestSigner oursOnAwsLc;

	private JdkEd25519Signing bareJcaOnAwsLc;

	private CoboJavaSdkSigning cobosJavaSdk;

	private JdkEd25519Signing jdk;

	@Setup
	public void setUp() {
		MachineLoad.record("RequestSigning " + this.request + " start");
		TestKeyPair key = TestKeyPair.generate(KeyType.ED25519);
		CoboSigner signer = CoboSigner.of(KeyType.ED25519, key.privateKeyHex(), "benchmark key",
				CryptoProvider.BOUNCY_CASTLE);
		CoboSigner awsLc = CoboSigner.of(KeyType.ED25519, key.privateKeyHex(), "benchmark key", CryptoProvider.AWS_LC);
		this.ours = new CoboRequestSigner(signer, new NonceSource());
		this.oursOnAwsLc = new CoboRequestSigner(awsLc, new NonceSource());
		this.bareJcaOnAwsLc = new JdkEd25519Signing(HexFormat.of().parseHex(key.privateKeyHex()), signer.publicKeyHex(),
				AwsLc.probe().provider());
		this.cobosJavaSdk = new CoboJavaSdkSigning(key.privateKeyHex());
		this.jdk = new JdkEd25519Signing(HexFormat.of().parseHex(key.privateKeyHex()), signer.publicKeyHex());
		proveTheSameSignature(signer, awsLc);
	}

	private void proveTheSameSignature(CoboSigner signer, CoboSigner awsLc) {
		String nonce = "1718000000000";
		TypicalRequest r = this.request;
		byte[] digest = SigningDigest.ofRequest(r.method, r.path, nonce, CanonicalQuery.of(r.rawQuery), r.body);
		byte[] sdkDigest = CoboJavaSdkSigning.hashTwice(r.method + "|" + r.path + "|" + nonce + "|"
				+ CoboJavaSdkSigning.encodeQuery(r.queryParameters) + "|" + new String(r.body, StandardCharsets.UTF_8));
		check(Arrays.equals(digest, sdkDigest), "the SDK's way hashes another string to sign");
		check(this.cobosJavaSdk.publicKeyHex().equals(signer.publicKeyHex()), "the SDK's way derives another public key");
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, signer.publicKeyHex(), "benchmark key");
		String oursSignature = signer.sign(digest);
		String sdkSignature = this.cobosJavaSdk.signDigest(digest);
		String jdkSignature = this.jdk.signDigest(digest);
		check(verifier.verify(digest, oursSignature), "our signature does not verify");
		check(verifier.verify(digest, sdkSignature), "the SDK's signature does not verify with our verifier");
		check(verifier.verify(digest, jdkSignature), "the JDK's signature does not verify with our verifier");
		check(oursSignature.equals(sdkSignature) && oursSignature.equals(jdkSignature)
				&& oursSignature.equals(awsLc.sign(digest)) && oursSignature.equals(this.bareJcaOnAwsLc.signDigest(digest)),
				"deterministic Ed25519 signatures differ");
	}

	private static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException("Not an apples-to-apples comparison: " + problem);
		}
	}

	@TearDown
	public void tearDown() {
		MachineLoad.record("RequestSigning " + this.request + " end");
	}

	@Benchmark
	public CoboSignatureHeaders ours() {
		TypicalRequest r = this.request;
		return this.ours.sign(r.method, r.path, CanonicalQuery.of(r.rawQuery), r.body);
	}

	@Benchmark
	public CoboSignatureHeaders oursOnAwsLc() {
		TypicalRequest r = this.request;
		return this.oursOnAwsLc.sign(r.method, r.path, CanonicalQuery.of(r.rawQuery), r.body);
	}

	@Benchmark
	public CoboSignatureHeaders bareJcaOnAwsLc() {
		TypicalRequest r = this.request;
		return this.bareJcaOnAwsLc.sign(r.method, r.path, r.rawQuery, r.body);
	}

	@Benchmark
	public CoboSignatureHeaders cobosJavaSdk() {
		TypicalRequest r = this.request;
		return this.cobosJavaSdk.sign(r.method, r.path, r.queryParameters, r.body);
	}

	@Benchmark
	public CoboSignatureHeaders jdkEd25519() {
		TypicalRequest r = this.request;
		return this.jdk.sign(r.method, r.path, r.rawQuery, r.body);
	}

}
