package dev.cobooauth.benchmarks.scale;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.FakeCobo;
import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.test.TestKeyPair;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.web.client.RestClient;

/**
 * Issue 20's scale benchmark: {@code ORGS} orgs served by two instances of one Portal App sharing
 * a PostgreSQL token store (Hikari's default pool, 10 connections each), against a fake Cobo whose
 * token answers take {@code LATENCY_MS}. It reports the time to warm every org, the token requests
 * per second of a mass refresh (every token brought into its margin at once), the p50/p99 latency
 * of calls with valid tokens without and during that refresh, the most pooled connections in use,
 * the token requests per org per expiry across both instances, and the heap per org.
 * <p>
 * {@code java -cp benchmarks.jar dev.cobooauth.benchmarks.scale.ManyOrgsScale [ORGS] [LATENCY_MS]
 * [JDBC_SERVER]}, by default 10000 orgs, 50 ms, {@code jdbc:postgresql://127.0.0.1:5432/postgres}
 * (user postgres, a schema of its own, dropped at the end).
 */
public final class ManyOrgsScale {

	private static final int CALLERS = 16;

	private static final SettableClock CLOCK = new SettableClock();

	private ManyOrgsScale() {
	}

	public static void main(String[] args) throws Exception {
		int orgs = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		Duration latency = Duration.ofMillis((args.length > 1) ? Long.parseLong(args[1]) : 50);
		String server = (args.length > 2) ? args[2] : "jdbc:postgresql://127.0.0.1:5432/postgres";
		String schema = "cobo_scale_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcTemplate admin = new JdbcTemplate(new SingleConnectionDataSource(server, "postgres", "", true));
		admin.execute("CREATE SCHEMA " + schema);
		TestKeyPair appKey = CoboApplication.newAppKey();
		byte[] encryptionKey = new byte[32];
		new SecureRandom().nextBytes(encryptionKey);
		try (FakeCobo cobo = FakeCobo.start(64, latency)) {
			Map<String, Object> properties = Map.of("cobo.token-store.type", "jdbc",
					"cobo.token-store.initialize-schema", "always", "cobo.token-store.encryption-key",
					HexFormat.of().formatHex(encryptionKey), "spring.datasource.url",
					server + "?currentSchema=" + schema, "spring.datasource.username", "postgres",
					"cobo.token.acquire-timeout", "60s", "spring.autoconfigure.exclude", "",
					// the benchmark moves the instances' clock ahead of the fake Cobo's signed answers
					"cobo.response-verification.tolerance", "3650d");
			try (ConfigurableApplicationContext a = CoboApplication.start(cobo.baseUrl(), cobo.responsePublicKeyHex(),
					appKey, properties, SharedClock.class);
					ConfigurableApplicationContext b = CoboApplication.start(cobo.baseUrl(),
							cobo.responsePublicKeyHex(), appKey, properties, SharedClock.class)) {
				List<ConfigurableApplicationContext> instances = List.of(a, b);
				PoolWatch pools = new PoolWatch(instances);
				long heapBefore = usedHeap();
				long started = System.nanoTime();
				forEachOrg(orgs, (i) -> instances.get(i % 2).getBean(CoboOrgAccessTokens.class).getAccessToken(org(i)));
				double warmSeconds = (System.nanoTime() - started) / 1e9;
				long heapAfter = usedHeap();
				long warmTokenRequests = cobo.tokenRequests();

				long[] quiet = calls(instances, orgs, 2_000, null);

				// 45 s left of the 60 s margin: every token is due, and still served while refreshed.
				CLOCK.advance(Duration.ofSeconds(43199 - 45));
				pools.reset();
				AtomicBoolean refreshing = new AtomicBoolean(true);
				long refreshStarted = System.nanoTime();
				Thread trigger = new Thread(() -> {
					forEachOrg(orgs, (i) -> call(instances.get(i % 2), org(i)));
					while (cobo.tokenRequests() < warmTokenRequests + orgs
							&& System.nanoTime() - refreshStarted < TimeUnit.MINUTES.toNanos(10)) {
						sleep(5);
					}
					refreshing.set(false);
				});
				trigger.start();
				long[] duringRefresh = calls(instances, orgs, Integer.MAX_VALUE, refreshing);
				trigger.join();
				double refreshSeconds = (System.nanoTime() - refreshStarted) / 1e9;
				long refreshTokenRequests = cobo.tokenRequests() - warmTokenRequests;

				System.out.printf("orgs                                  %d (token answers take %d ms)%n", orgs,
						latency.toMillis());
				System.out.printf("warm-up of every org                  %.2f s (%d token requests)%n", warmSeconds,
						warmTokenRequests);
				System.out.printf("mass refresh                          %.2f s, %.0f token requests/s%n", refreshSeconds,
						refreshTokenRequests / refreshSeconds);
				System.out.printf("token requests per org per expiry     %.3f (both instances)%n",
						(double) refreshTokenRequests / orgs);
				System.out.printf("calls with valid tokens, no refresh   p50 %.2f ms, p99 %.2f ms (%d calls)%n",
						percentile(quiet, 50), percentile(quiet, 99), quiet.length);
				System.out.printf("same, during the mass refresh         p50 %.2f ms, p99 %.2f ms (%d calls), p99 ratio %.2f%n",
						percentile(duringRefresh, 50), percentile(duringRefresh, 99), duringRefresh.length,
						percentile(duringRefresh, 99) / percentile(quiet, 99));
				System.out.printf("most pooled connections in use        %d (of 10 per instance, during the refresh)%n",
						pools.most());
				System.out.printf("heap per org                          %d bytes (both instances, warm-up)%n",
						(heapAfter - heapBefore) / orgs);
				pools.stop();
			}
		}
		finally {
			admin.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	private static String org(int i) {
		return "org-" + i;
	}

	private static String call(ConfigurableApplicationContext instance, String org) {
		return instance.getBean("coboRestClient", RestClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.body(String.class);
	}

	/** Calls random orgs from both instances, until {@code count} calls or until {@code until} turns false. */
	private static long[] calls(List<ConfigurableApplicationContext> instances, int orgs, int count,
			AtomicBoolean until) throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		AtomicInteger made = new AtomicInteger();
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (int c = 0; c < CALLERS; c++) {
			futures.add(callers.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (made.getAndIncrement() < count && (until == null || until.get())) {
					int i = ThreadLocalRandom.current().nextInt(orgs);
					long started = System.nanoTime();
					call(instances.get(i % 2), org(i));
					latencies.add(System.nanoTime() - started);
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		callers.shutdown();
		return all.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	private static double percentile(long[] sortedNanos, int percentile) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}

	private static void forEachOrg(int orgs, java.util.function.IntConsumer work) {
		ExecutorService pool = Executors.newFixedThreadPool(64);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < orgs; i++) {
				int org = i;
				futures.add(pool.submit(() -> work.accept(org)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdown();
		}
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			sleep(100);
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Both instances' {@code coboClock}. */
	@Configuration(proxyBeanMethods = false)
	static class SharedClock {

		@Bean
		Clock coboClock() {
			return CLOCK;
		}

	}

	/** Polls both pools' active connections every millisecond and keeps the most seen at once. */
	private static final class PoolWatch {

		private final List<HikariDataSource> pools;

		private final AtomicInteger most = new AtomicInteger();

		private final Thread watcher;

		private volatile boolean running = true;

		PoolWatch(List<ConfigurableApplicationContext> instances) {
			this.pools = instances.stream().map((instance) -> instance.getBean(HikariDataSource.class)).toList();
			this.watcher = new Thread(() -> {
				while (this.running) {
					int active = Arrays.stream(this.pools.toArray(HikariDataSource[]::new))
						.mapToInt((pool) -> (pool.getHikariPoolMXBean() != null)
								? pool.getHikariPoolMXBean().getActiveConnections() : 0)
						.sum();
					this.most.accumulateAndGet(active, Math::max);
					sleep(1);
				}
			}, "pool-watch");
			this.watcher.setDaemon(true);
			this.watcher.start();
		}

		void reset() {
			this.most.set(0);
		}

		int most() {
			return this.most.get();
		}

		void stop() {
			this.running = false;
		}

	}

}
