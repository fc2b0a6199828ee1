package dev.cobooauth.benchmarks.tokens;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.FakeCobo;
import dev.cobooauth.benchmarks.support.MachineLoad;
import dev.cobooauth.benchmarks.support.OutputFiles;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboTokens;
import dev.cobooauth.oauth2.TokenStoreProbe;
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
import org.openjdk.jol.info.GraphLayout;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Benchmark 5, a size rather than a time: the heap one cached Org Access Token keeps, with 10,000
 * orgs in the starter's in-memory token store. Each iteration starts a fresh application,
 * fetches 1,000 orgs' tokens (so pools, caches and compiled code are in place), reads the heap after
 * full collections, then fetches 10,000 more orgs' tokens through {@code CoboOrgAccessTokens} from {@link FakeCobo}'s token
 * endpoint (fresh 43-character tokens, UUID org ids made during the fill so they count) and reads the
 * heap again. Two readings of the same thing, reported per org:
 * <ul>
 * <li>{@code retainedPerOrg}: heap used after minus before, over the 10,000 (map growth included);</li>
 * <li>{@code graphPerOrg}: JOL's walk of the store's object graph, over all 11,000 orgs in it; its
 * per-class table is written to {@code heap-footprint.txt}.</li>
 * </ul>
 * Each round runs in a JVM of its own (a fork of one iteration): in one JVM, what a closed round left
 * behind was now and then still reachable at the next round's first reading, some 6 MB of it. The
 * serial collector makes {@code System.gc()} a full, compacting collection, so the readings are exact
 * (object sizes do not depend on the collector), and soft references are cleared at every
 * collection, so that caches held softly (Spring's and Jackson's) do not come and go between readings.
 * <p>
 * Tokens are fetched through the {@code CoboOrgAccessTokens} bean, as an application fetches them.
 * The store the JOL walk starts from is internal to the starter; {@link TokenStoreProbe}, in the
 * starter's package, hands it over from the {@code coboTokens} bean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 5, jvmArgsAppend = { "-XX:+UseSerialGC", "-XX:SoftRefLRUPolicyMSPerMB=0", "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class HeapPerOrgTokenBenchmark {

	static final int ORGS = 10_000;

	private static final int FILLERS = 4;

	/** Orgs fetched before the first reading, so that pools, caches and compiled code are all in place. */
	private static final int WARM_UP_ORGS = 1_000;

	private FakeCobo server;

	private ExecutorService fillers;

	private ConfigurableApplicationContext application;

	private CoboOrgAccessTokens tokens;

	private OAuth2AuthorizedClientService store;

	private long usedBefore;

	private int round;

	@Setup(Level.Trial)
	public void startServer() {
		MachineLoad.record("HeapPerOrgToken start");
		this.server = FakeCobo.start(FILLERS);
	}

	@Setup(Level.Iteration)
	public void startApplication() {
		this.round++;
		// New threads each round: what a round leaves in their thread-locals must not be in the next one's reading.
		this.fillers = Executors.newFixedThreadPool(FILLERS);
		this.application = CoboApplication.start(this.server.baseUrl(), this.server.responsePublicKeyHex(),
				CoboApplication.newAppKey());
		this.tokens = this.application.getBean(CoboOrgAccessTokens.class);
		this.store = TokenStoreProbe.authorizedClients(this.application.getBean(CoboTokens.class));
		for (int i = 0; i < WARM_UP_ORGS; i++) {
			this.tokens.getAccessToken("org-warm-up-" + i);
		}
		this.usedBefore = usedHeapAfterFullGc();
	}

	@TearDown(Level.Iteration)
	public void stopApplication() {
		this.fillers.shutdownNow();
		this.application.close();
	}

	@TearDown(Level.Trial)
	public void stopServer() {
		this.server.close();
		MachineLoad.record("HeapPerOrgToken end");
	}

	@Benchmark
	public void tenThousandOrgs(HeapPerOrg heap) throws Exception {
		fill();
		long usedAfter = usedHeapAfterFullGc();
		heap.retainedPerOrg = (double) (usedAfter - this.usedBefore) / ORGS;
		System.out.println("# heap used: before " + this.usedBefore + ", after " + usedAfter);
		heap.graphPerOrg = (double) walkStoreGraph() / (ORGS + WARM_UP_ORGS);
	}

	/**
	 * Walks the store with JOL after the reading, so the walk's allocations cannot be in it, and on a
	 * thread of its own: what the walk leaves in the benchmark thread's thread-locals stayed reachable
	 * until the next round's fill and inflated its first reading by some 6 MB.
	 */
	private long walkStoreGraph() throws Exception {
		long[] size = new long[1];
		Exception[] failure = new Exception[1];
		Thread walker = new Thread(() -> {
			try {
				GraphLayout graph = GraphLayout.parseInstance(this.store);
				size[0] = graph.totalSize();
				writeFootprint(graph);
			}
			catch (Exception ex) {
				failure[0] = ex;
			}
		}, "jol-walker");
		walker.start();
		walker.join();
		if (failure[0] != null) {
			throw failure[0];
		}
		return size[0];
	}

	private void fill() throws Exception {
		List<Future<?>> parts = new ArrayList<>();
		for (int filler = 0; filler < FILLERS; filler++) {
			int first = filler;
			parts.add(this.fillers.submit(() -> {
				for (int i = first; i < ORGS; i += FILLERS) {
					this.tokens.getAccessToken(orgId(i));
				}
			}));
		}
		for (Future<?> part : parts) {
			part.get();
		}
	}

	/** A new String each call, as an org id read from a callback or a database would be. */
	private String orgId(int i) {
		return new UUID(this.round, i).toString();
	}

	private void writeFootprint(GraphLayout graph) throws IOException {
		String report = "# The starter's token store with " + (ORGS + WARM_UP_ORGS) + " orgs, round " + this.round + "\n"
				+ graph.toFootprint();
		Files.writeString(OutputFiles.resolve("heap-footprint.txt"), report);
	}

	/** Collects until two readings in a row agree, at most ten times. */
	private static long usedHeapAfterFullGc() {
		long used = -1;
		for (int i = 0; i < 10; i++) {
			System.gc();
			long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			if (now == used) {
				break;
			}
			used = now;
		}
		return used;
	}

	/** The three readings of one round, per org; JMH reports each as a secondary result. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class HeapPerOrg {

		/** Bytes: heap used after the fill minus before, divided by the orgs. */
		public double retainedPerOrg;

		/** Bytes: JOL's size of the store's object graph, divided by the orgs. */
		public double graphPerOrg;

		@Setup(Level.Iteration)
		public void reset() {
			this.retainedPerOrg = 0;
			this.graphPerOrg = 0;
		}

	}

}
