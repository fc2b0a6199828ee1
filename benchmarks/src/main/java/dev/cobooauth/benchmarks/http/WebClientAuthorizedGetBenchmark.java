package dev.cobooauth.benchmarks.http;

import java.lang.management.ManagementFactory;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One authorized GET through the starter's {@code coboWebClient} (Reactor Netty), against a plain
 * {@code WebClient} and a hand-written signing filter ({@link HandWrittenCoboFilter}) on the same
 * Boot {@code WebClient.Builder}, each call blocked on by the benchmark thread. Work of a reactive
 * call runs on Netty's event-loop threads as well as the caller's, so the CPU recorded is the whole
 * process's during each call ({@link ProcessCpu}); the fake Cobo in the same process answers all
 * three alike, so differences between them are what the clients add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 6, time = 2)
public class WebClientAuthorizedGetBenchmark {

	private static final String ORG = "org-bench";

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	/** Already canonical, so the signing filter sends it as it is. */
	private static final String URI_TEMPLATE = "/wallets?wallet_type=Custodial&limit=10";

	private FakeCobo server;

	private ConfigurableApplicationContext application;

	private WebClient coboWebClient;

	private WebClient plainWebClient;

	private WebClient handWrittenWebClient;

	@Setup
	public void setUp() {
		MachineLoad.record("WebClientAuthorizedGet start");
		this.server = FakeCobo.start(1);
		TestKeyPair appKey = CoboApplication.newAppKey();
		this.application = CoboApplication.start(this.server.baseUrl(), this.server.responsePublicKeyHex(), appKey);
		this.coboWebClient = this.application.getBean("coboWebClient", WebClient.class);
		WebClient.Builder builder = this.application.getBean(WebClient.Builder.class);
		this.plainWebClient = builder.clone().baseUrl(this.server.baseUrl()).build();
		HandWrittenCoboInterceptor crypto = new HandWrittenCoboInterceptor(appKey.privateKeyHex(),
				this.server.responsePublicKeyHex(), Map.of(ORG, "hand-written-token"), ORG);
		this.handWrittenWebClient = builder.clone()
			.baseUrl(this.server.baseUrl())
			.filter(new HandWrittenCoboFilter(crypto, Map.of(ORG, "hand-written-token"), ORG))
			.build();
		// The first call fetches the org's token; every measured call finds it cached.
		String cobo = coboWebClient();
		if (!FakeCobo.WALLETS_BODY.equals(cobo) || !cobo.equals(plainWebClient()) || !cobo.equals(handWrittenWebClient())) {
			throw new IllegalStateException("The three clients do not get the same answer");
		}
	}

	@TearDown
	public void tearDown() {
		this.application.close();
		this.server.close();
		MachineLoad.record("WebClientAuthorizedGet end");
	}

	@Benchmark
	public String coboWebClient(ProcessCpu cpu) {
		return cpu.measure(this::coboWebClient);
	}

	@Benchmark
	public String plainWebClient(ProcessCpu cpu) {
		return cpu.measure(this::plainWebClient);
	}

	@Benchmark
	public String handWrittenWebClient(ProcessCpu cpu) {
		return cpu.measure(this::handWrittenWebClient);
	}

	private String coboWebClient() {
		return this.coboWebClient.get().uri(URI_TEMPLATE).attributes(CoboOrg.id(ORG)).retrieve().bodyToMono(String.class)
			.block();
	}

	private String plainWebClient() {
		return this.plainWebClient.get().uri(URI_TEMPLATE).retrieve().bodyToMono(String.class).block();
	}

	private String handWrittenWebClient() {
		return this.handWrittenWebClient.get().uri(URI_TEMPLATE).retrieve().bodyToMono(String.class).block();
	}

	/**
	 * The CPU time of the whole process while each call ran: the caller's, Netty's event loop's and
	 * the in-process fake Cobo's. JMH sums both fields per iteration; the report divides them.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class ProcessCpu {

		/** CPU nanoseconds of the process during the iteration's calls. */
		public long processCpuNanos;

		/** Calls made in the iteration. */
		public long calls;

		String measure(Supplier<String> call) {
			long start = OS.getProcessCpuTime();
			String body = call.get();
			this.processCpuNanos += OS.getProcessCpuTime() - start;
			this.calls++;
			return body;
		}

		@Setup(Level.Iteration)
		public void reset() {
			this.processCpuNanos = 0;
			this.calls = 0;
		}

	}

}
