package dev.cobooauth.benchmarks.tokens;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.FakeCobo;
import dev.cobooauth.benchmarks.support.MachineLoad;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Benchmark 3: {@code CoboOrgAccessTokens.getAccessToken(org)} when the org's token is cached and
 * valid, by 1, 2 and 8 threads all asking for the same org (the hottest key, the worst case for a
 * lock), against the floor of any cache: a {@code ConcurrentHashMap.get} of the same token. If the
 * cached path took a lock, throughput would stop growing at 2 threads or fall at 8; the baseline
 * shows how far the machine itself lets it grow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
public class CachedTokenLookupBenchmark {

	private static final String ORG = "org-bench";

	private FakeCobo server;

	private ConfigurableApplicationContext application;

	private CoboOrgAccessTokens tokens;

	private final ConcurrentMap<String, OAuth2AccessToken> map = new ConcurrentHashMap<>();

	@Setup
	public void setUp() {
		MachineLoad.record("CachedTokenLookup start");
		this.server = FakeCobo.start(1);
		this.application = CoboApplication.start(this.server.baseUrl(), this.server.responsePublicKeyHex(),
				CoboApplication.newAppKey());
		this.tokens = this.application.getBean(CoboOrgAccessTokens.class);
		OAuth2AccessToken token = this.tokens.getAccessToken(ORG);
		if (this.tokens.getAccessToken(ORG) != token) {
			throw new IllegalStateException("The token is not served from the cache");
		}
		this.map.put(ORG, token);
	}

	@TearDown
	public void tearDown() {
		this.application.close();
		this.server.close();
		MachineLoad.record("CachedTokenLookup end");
	}

	@Benchmark
	@Threads(1)
	public OAuth2AccessToken starter_1_thread() {
		return this.tokens.getAccessToken(ORG);
	}

	@Benchmark
	@Threads(2)
	public OAuth2AccessToken starter_2_threads() {
		return this.tokens.getAccessToken(ORG);
	}

	@Benchmark
	@Threads(8)
	public OAuth2AccessToken starter_8_threads() {
		return this.tokens.getAccessToken(ORG);
	}

	@Benchmark
	@Threads(1)
	public OAuth2AccessToken concurrentHashMap_1_thread() {
		return this.map.get(ORG);
	}

	@Benchmark
	@Threads(2)
	public OAuth2AccessToken concurrentHashMap_2_threads() {
		return this.map.get(ORG);
	}

	@Benchmark
	@Threads(8)
	public OAuth2AccessToken concurrentHashMap_8_threads() {
		return this.map.get(ORG);
	}

}
