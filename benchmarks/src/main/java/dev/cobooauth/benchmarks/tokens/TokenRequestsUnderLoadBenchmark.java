package dev.cobooauth.benchmarks.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.MachineLoad;
import dev.cobooauth.benchmarks.support.SteppingClock;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.SpringDefaultOrgAccessTokens;
import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.Rejection;
import dev.cobooauth.test.SimulatorCounters;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Benchmark 4, a count rather than a time: how many token requests reach Cobo when 200 threads ask
 * for the same org's token at once, at the moment it has expired ({@code atExpiry}) or before the org
 * has any ({@code freshOrg}). The starter's {@code CoboOrgAccessTokens} bean (single flight) against
 * the same machinery under Spring Security's default manager ({@link SpringDefaultOrgAccessTokens},
 * which is assembled from the starter's internals and so lives in its package). Token expiry follows
 * the {@code coboClock} bean, replaced here by one that moves with the simulator's clock.
 * <p>
 * The server is the {@link CoboSimulator}: it rotates refresh tokens and refuses a spent one with
 * {@code invalid_grant}, as Cobo does, and counts every request. Each iteration is one round of 200
 * calls for a new org; the counts are JMH secondary results (per iteration in the JSON's raw data),
 * the time of the round is only a by-product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class TokenRequestsUnderLoadBenchmark {

	static final int CALLS = 200;

	private static final SteppingClock CLOCK = new SteppingClock();

	@Param({ "starter", "springDefault" })
	public String manager;

	@Param({ "atExpiry", "freshOrg" })
	public String moment;

	private CoboSimulator cobo;

	private ConfigurableApplicationContext application;

	/** {@code getAccessToken(org)} of the manager under test. */
	private Function<String, OAuth2AccessToken> tokens;

	private ExecutorService callers;

	private int round;

	private String org;

	@Setup(Level.Trial)
	public void startApplication() {
		MachineLoad.record("TokenRequestsUnderLoad " + this.manager + " " + this.moment + " start");
		this.cobo = CoboSimulator.start();
		TestKeyPair appKey = CoboApplication.newAppKey();
		this.cobo.registerApp(CoboApplication.CLIENT_ID, appKey.publicKeyHex());
		this.application = CoboApplication.start(this.cobo.baseUrl(), this.cobo.responsePublicKeyHex(), appKey,
				SteppingCoboClock.class);
		this.tokens = switch (this.manager) {
			case "starter" -> this.application.getBean(CoboOrgAccessTokens.class)::getAccessToken;
			case "springDefault" -> SpringDefaultOrgAccessTokens.from(this.application)::getAccessToken;
			default -> throw new IllegalArgumentException("Unknown manager " + this.manager);
		};
		this.callers = Executors.newFixedThreadPool(CALLS);
	}

	@Setup(Level.Iteration)
	public void prepareOrg() {
		this.round++;
		this.org = "org-" + this.round;
		this.cobo.installApp(CoboApplication.CLIENT_ID, this.org);
		if (this.moment.equals("atExpiry")) {
			this.tokens.apply(this.org);
			Duration lifetime = Duration.ofHours(12);
			this.cobo.advanceTime(lifetime);
			CLOCK.advance(lifetime);
		}
		this.cobo.resetCounters();
	}

	@TearDown(Level.Trial)
	public void stopApplication() {
		this.callers.shutdownNow();
		this.application.close();
		this.cobo.close();
		MachineLoad.record("TokenRequestsUnderLoad " + this.manager + " " + this.moment + " end");
	}

	@Benchmark
	public void twoHundredConcurrentCalls(TokenRequests counts) throws InterruptedException {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> calls = new ArrayList<>(CALLS);
		for (int i = 0; i < CALLS; i++) {
			calls.add(this.callers.submit(() -> {
				start.await();
				return this.tokens.apply(this.org);
			}));
		}
		start.countDown();
		int failed = 0;
		for (Future<?> call : calls) {
			try {
				call.get(60, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				failed++;
			}
		}
		SimulatorCounters counters = this.cobo.counters();
		counts.tokenRequests = counters.endpoint("GET /v2/oauth/token") + counters.endpoint("POST /v2/oauth/token");
		counts.refreshGrants = counters.grant(Grant.REFRESH_TOKEN);
		counts.orgImplicitGrants = counters.grant(Grant.ORG_IMPLICIT);
		counts.invalidGrants = counters.rejections(Rejection.INVALID_GRANT);
		counts.failedCalls = failed;
	}

	/**
	 * What one round of 200 calls caused at the server. JMH reports each field as a secondary result.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class TokenRequests {

		/** Requests to the token endpoint, either grant, refused ones included. */
		public long tokenRequests;

		/** Token pairs issued by {@code refresh_token}. */
		public long refreshGrants;

		/** Token pairs issued by {@code org_implicit}. */
		public long orgImplicitGrants;

		/** Refresh requests refused with {@code invalid_grant} (a spent refresh token sent again). */
		public long invalidGrants;

		/** Of the 200 calls, how many ended in an exception. */
		public long failedCalls;

		@Setup(Level.Iteration)
		public void reset() {
			this.tokenRequests = 0;
			this.refreshGrants = 0;
			this.orgImplicitGrants = 0;
			this.invalidGrants = 0;
			this.failedCalls = 0;
		}

	}

	/**
	 * Replaces the starter's {@code coboClock}, which token expiry reads, by name: a clock moved
	 * together with the simulator's.
	 */
	@Configuration(proxyBeanMethods = false)
	static class SteppingCoboClock {

		@Bean
		Clock coboClock() {
			return CLOCK;
		}

	}

}
