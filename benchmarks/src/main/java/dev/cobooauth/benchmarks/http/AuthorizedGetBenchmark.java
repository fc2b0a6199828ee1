package dev.cobooauth.benchmarks.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;
import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.FakeCobo;
import dev.cobooauth.benchmarks.support.MachineLoad;
import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.test.TestKeyPair;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Benchmark 2: one authorized GET through the starter's {@code coboRestClient} (token from the cache,
 * request signed, response signature verified) against a plain {@code RestClient} GET to the same
 * local server, built from the same Boot {@code RestClient.Builder}, so both use the same HTTP client
 * and the difference is what the starter adds.
 * <p>
 * The server is {@link FakeCobo}: it answers both with the same pre-signed body and checks nothing,
 * so it costs both clients the same. Besides the time per call, each call's CPU time on the calling
 * thread is recorded ({@link CallerCpu}), which waits for a busy machine's cores do not inflate. The
 * one step of that difference that is neither signing (benchmark 1) nor the token lookup (benchmark
 * 3), verifying the response's signature, is measured alone by
 * {@code dev.cobooauth.signing.ResponseVerificationBenchmark}, in the starter's package because the
 * verifier is package-private there. This class uses only what an application gets: the beans.
 * <p>
 * A third client is the baseline a user would write by hand ({@link HandWrittenCoboInterceptor}:
 * sign, verify, token from a map) on the same builder, so {@code coboRestClient − handWrittenRestClient}
 * is what the starter costs beyond the work any Cobo client must do. The 20 s of warm-up per fork
 * is there because the JDK client's figures keep falling for about that long; two forks show
 * whether a JVM's JIT decisions matter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 6, time = 2)
public class AuthorizedGetBenchmark {

	private static final String ORG = "org-bench";

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	/** Already canonical, so the signing interceptor sends it as it is. */
	private static final String URI_TEMPLATE = "/wallets?wallet_type=Custodial&limit=10";

	/**
	 * The HTTP client under both {@code RestClient}s, as Boot's
	 * {@code spring.http.clients.imperative.factory} picks it: {@code jdk} is what Boot picks with the
	 * starter's dependencies; {@code simple} ({@code HttpURLConnection}) sends on the caller's thread,
	 * with no hand-off to a selector thread, so a busy machine's scheduling adds less noise.
	 */
	@Param({ "jdk", "simple" })
	public String httpClient;

	private FakeCobo server;

	private ConfigurableApplicationContext application;

	private RestClient coboRestClient;

	private RestClient plainRestClient;

	private RestClient handWrittenRestClient;

	@Setup
	public void setUp() {
		MachineLoad.record("AuthorizedGet " + this.httpClient + " start");
		this.server = FakeCobo.start(1);
		TestKeyPair appKey = CoboApplication.newAppKey();
		this.application = CoboApplication.start(this.server.baseUrl(), this.server.responsePublicKeyHex(), appKey,
				Map.of("spring.http.clients.imperative.factory", this.httpClient));
		this.coboRestClient = this.application.getBean("coboRestClient", RestClient.class);
		this.plainRestClient = this.application.getBean(RestClient.Builder.class).baseUrl(this.server.baseUrl()).build();
		this.handWrittenRestClient = this.application.getBean(RestClient.Builder.class)
			.baseUrl(this.server.baseUrl())
			.bufferContent((uri, method) -> true)
			.requestInterceptor(new HandWrittenCoboInterceptor(appKey.privateKeyHex(), this.server.responsePublicKeyHex(),
					Map.of(ORG, "hand-written-token"), ORG))
			.build();
		// The first call fetches the org's token; every measured call finds it cached.
		String first = coboRestClient();
		ResponseEntity<byte[]> plain = this.plainRestClient.get().uri(URI_TEMPLATE).retrieve().toEntity(byte[].class);
		String handWritten = this.handWrittenRestClient.get().uri(URI_TEMPLATE).retrieve().body(String.class);
		if (!first.equals(new String(plain.getBody(), StandardCharsets.UTF_8)) || !first.equals(FakeCobo.WALLETS_BODY)
				|| !first.equals(handWritten)) {
			throw new IllegalStateException("The two clients do not get the same answer");
		}
		System.out.println("# HTTP client of both: " + requestFactoryOf(this.plainRestClient));
	}

	private static String requestFactoryOf(RestClient client) {
		try {
			Field field = client.getClass().getDeclaredField("clientRequestFactory");
			field.setAccessible(true);
			return field.get(client).getClass().getName();
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return "(request factory unknown: " + ex + ")";
		}
	}

	@TearDown
	public void tearDown() {
		this.application.close();
		this.server.close();
		MachineLoad.record("AuthorizedGet " + this.httpClient + " end");
	}

	@Benchmark
	public String coboRestClient(CallerCpu cpu) {
		return cpu.measure(() -> coboRestClient());
	}

	@Benchmark
	public String plainRestClient(CallerCpu cpu) {
		return cpu.measure(() -> this.plainRestClient.get().uri(URI_TEMPLATE).retrieve().body(String.class));
	}

	@Benchmark
	public String handWrittenRestClient(CallerCpu cpu) {
		return cpu.measure(() -> this.handWrittenRestClient.get().uri(URI_TEMPLATE).retrieve().body(String.class));
	}

	private String coboRestClient() {
		return this.coboRestClient.get().uri(URI_TEMPLATE).attributes(CoboOrg.id(ORG)).retrieve().body(String.class);
	}

	/**
	 * The CPU time the calling thread spent per call. On a machine shared with other work, the time a
	 * call takes also holds the waits for a core; the caller's CPU time does not, and it holds all
	 * the starter adds (token lookup, signing and verification run on the calling thread). JMH sums
	 * both fields per iteration; the report divides them.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class CallerCpu {

		/** CPU nanoseconds of the calling thread, over the iteration. */
		public long callerCpuNanos;

		/** CPU nanoseconds of the whole process during the calls (the JDK client's selector thread too). */
		public long processCpuNanos;

		/** Calls made in the iteration. */
		public long calls;

		String measure(Supplier<String> call) {
			long start = THREADS.getCurrentThreadCpuTime();
			long processStart = OS.getProcessCpuTime();
			String body = call.get();
			this.callerCpuNanos += THREADS.getCurrentThreadCpuTime() - start;
			this.processCpuNanos += OS.getProcessCpuTime() - processStart;
			this.calls++;
			return body;
		}

		@Setup(Level.Iteration)
		public void reset() {
			this.callerCpuNanos = 0;
			this.processCpuNanos = 0;
			this.calls = 0;
		}

	}

}
