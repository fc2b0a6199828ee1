package dev.cobooauth.benchmarks.http;

import java.security.Provider;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.FakeCobo;
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

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark 2: one authorized GET with a cached token through the starter's client (token from the
 * cache, request signed, response signature verified), against a plain client and against the
 * baseline a user would write by hand instead of the starter ({@link HandWrittenCoboInterceptor},
 * {@link HandWrittenCoboFilter}: sign, verify, token from a map), all three from the same Boot
 * builder on the same HTTP client, calling {@code GET /v2/wallets} on the same {@link FakeCobo}, which
 * answers all alike with a pre-signed body and checks nothing. So {@code cobo − plain} is what the
 * starter adds, and {@code cobo − hand-written} what it costs beyond the work any Cobo client does.
 * <p>
 * Each invocation is one round: one call of each client, every call timed and its CPU recorded
 * ({@link CallCpu}). Measured side by side in one JVM, the three share whatever else happens
 * meanwhile (another process, the JIT compiler, a collection), which a benchmark per client, run
 * minutes apart, would not. The primary score is the time of a round; the report reads the
 * per-client counters. This class uses only what an application gets: the beans.
 * <p>
 * The 30 s of warm-up per fork are there because the JDK client's figures keep falling for about
 * 20 s of calls; three forks show whether a JVM's JIT decisions matter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
public class AuthorizedGetBenchmark {

	/**
	 * The HTTP client under the three: for {@code RestClient}, as Boot's
	 * {@code spring.http.clients.imperative.factory} picks it ({@code jdk}, what Boot picks with the
	 * starter's dependencies; {@code simple}, {@code HttpURLConnection} on the caller's thread;
	 * {@code http_components}, Apache HttpClient 5, what Boot picks when an application has it);
	 * {@code webclient} is {@code WebClient} on Reactor Netty, each call blocked on.
	 */
	@Param({ "jdk", "simple", "http_components", "webclient" })
	public String client;

	/**
	 * What computes Ed25519, as {@code cobo.crypto.provider} names it, for the starter and for the
	 * hand-written baseline alike: {@code bouncy-castle}, or {@code aws-lc} (Amazon Corretto Crypto
	 * Provider), which the baseline uses through a JCA {@code Signature} per thread.
	 */
	@Param({ "bouncy-castle", "aws-lc" })
	public String provider;

	private FakeCobo server;

	private ConfigurableApplicationContext application;

	private ThreeClients clients;

	@Setup
	public void setUp() {
		MachineLoad.record("AuthorizedGet " + this.client + " " + this.provider + " start");
		this.server = FakeCobo.start(1);
		TestKeyPair appKey = CoboApplication.newAppKey();
		boolean webClient = "webclient".equals(this.client);
		Map<String, Object> properties = new HashMap<>();
		if (!webClient) {
			properties.put("spring.http.clients.imperative.factory", this.client);
		}
		properties.put("cobo.crypto.provider", this.provider);
		this.application = CoboApplication.start(this.server.baseUrl(), this.server.responsePublicKeyHex(), appKey,
				properties);
		Provider handWritten = "aws-lc".equals(this.provider) ? AmazonCorrettoCryptoProvider.INSTANCE : null;
		this.clients = webClient ? ThreeClients.webClients(this.application, this.server, appKey, handWritten)
				: ThreeClients.restClients(this.application, this.server, appKey, handWritten);
		this.clients.checkSameAnswer();
	}

	@TearDown
	public void tearDown() {
		this.application.close();
		this.server.close();
		MachineLoad.record("AuthorizedGet " + this.client + " " + this.provider + " end");
	}

	@Benchmark
	public String roundOfThreeCalls(CallCpu cpu) {
		return cpu.roundOf(this.clients);
	}

}
