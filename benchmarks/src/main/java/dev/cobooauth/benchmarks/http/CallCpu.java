package dev.cobooauth.benchmarks.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;
import dev.cobooauth.benchmarks.support.JitThreadsCpu;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What each of the three clients of {@link AuthorizedGetBenchmark} costs per call, recorded call by
 * call while the benchmark alternates between them, so that whatever else the machine and the JVM
 * do meanwhile (another process, the JIT compiler, a collection) falls on all three alike.
 * <p>
 * Per client and iteration: wall-clock nanoseconds of its calls; the calling thread's CPU during
 * them; the client side's CPU during them, that is the calling thread's and the HTTP client's own
 * I/O threads' (the JDK client's selector, Reactor Netty's event loops), where all the work of a
 * client and of the starter runs; and the whole process's CPU during them, which adds the in-process
 * fake Cobo and whatever else runs meanwhile (the JIT compiler, a collection, JMH). On a machine
 * shared with other work, the time of a call holds waits for a core; CPU time does not. The thread
 * figures are exact to the nanosecond; the JVM reads the process's figure at the kernel's tick
 * (10 ms here), so a call shows 0 or 10 ms of it and only the mean over thousands of calls means
 * something, with a wide error.
 * Also the JIT compiler's CPU over the iteration ({@link JitThreadsCpu}), to show it settled.
 * JMH sums each field per iteration; the report divides them.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CallCpu {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	public long plainNanos;

	public long plainCallerCpuNanos;

	public long plainClientCpuNanos;

	public long plainProcessCpuNanos;

	public long handWrittenNanos;

	public long handWrittenCallerCpuNanos;

	public long handWrittenClientCpuNanos;

	public long handWrittenProcessCpuNanos;

	public long coboNanos;

	public long coboCallerCpuNanos;

	public long coboClientCpuNanos;

	public long coboProcessCpuNanos;

	/** Calls of each client in the iteration (one round is one call of each). */
	public long calls;

	/** CPU nanoseconds of the JIT compiler's threads over the iteration; 0 where not readable. */
	public long jitCpuNanos;

	private final Tally plain = new Tally();

	private final Tally handWritten = new Tally();

	private final Tally cobo = new Tally();

	/** The tallies in the order of {@link ThreeClients#inTurn()}. */
	private final List<Tally> tallies = List.of(this.plain, this.handWritten, this.cobo);

	private JitThreadsCpu atStart = JitThreadsCpu.UNAVAILABLE;

	/** The HTTP clients' I/O threads, found at the start of each iteration. */
	private long[] ioThreads = new long[0];

	/**
	 * Calls each client once, recording each call. Each round starts with the next client, so that
	 * none always follows the same one.
	 * @return the last answer, for JMH to consume
	 */
	String roundOf(ThreeClients clients) {
		List<Supplier<String>> calls = clients.inTurn();
		int first = (int) (this.calls % calls.size());
		String answer = null;
		for (int i = 0; i < calls.size(); i++) {
			int next = (first + i) % calls.size();
			answer = this.tallies.get(next).measure(calls.get(next));
		}
		this.calls++;
		return answer;
	}

	@Setup(Level.Iteration)
	public void start() {
		this.tallies.forEach(Tally::reset);
		this.calls = 0;
		this.atStart = JitThreadsCpu.now();
		this.ioThreads = ioThreads();
	}

	/**
	 * The threads on which the HTTP clients do their I/O: the JDK client's selector and workers
	 * ({@code HttpClient-N-...}) and Reactor Netty's event loops ({@code reactor-http-...}). The
	 * {@code simple} and Apache HttpClient 5 clients do theirs on the calling thread.
	 */
	private static long[] ioThreads() {
		return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
			.filter(Objects::nonNull)
			.filter((thread) -> thread.getThreadName().startsWith("HttpClient-")
					|| thread.getThreadName().startsWith("reactor-http-"))
			.mapToLong(ThreadInfo::getThreadId)
			.toArray();
	}

	private long clientCpuNanos() {
		long nanos = THREADS.getCurrentThreadCpuTime();
		for (long thread : this.ioThreads) {
			nanos += Math.max(0, THREADS.getThreadCpuTime(thread));
		}
		return nanos;
	}

	/** Runs before JMH reads the counters of the iteration. */
	@TearDown(Level.Iteration)
	public void end() {
		this.plainNanos = this.plain.wallNanos;
		this.plainCallerCpuNanos = this.plain.callerCpuNanos;
		this.plainClientCpuNanos = this.plain.clientCpuNanos;
		this.plainProcessCpuNanos = this.plain.processCpuNanos;
		this.handWrittenNanos = this.handWritten.wallNanos;
		this.handWrittenCallerCpuNanos = this.handWritten.callerCpuNanos;
		this.handWrittenClientCpuNanos = this.handWritten.clientCpuNanos;
		this.handWrittenProcessCpuNanos = this.handWritten.processCpuNanos;
		this.coboNanos = this.cobo.wallNanos;
		this.coboCallerCpuNanos = this.cobo.callerCpuNanos;
		this.coboClientCpuNanos = this.cobo.clientCpuNanos;
		this.coboProcessCpuNanos = this.cobo.processCpuNanos;
		this.jitCpuNanos = JitThreadsCpu.now().nanosSince(this.atStart);
	}

	/** One client's sums over an iteration. */
	private final class Tally {

		private long wallNanos;

		private long callerCpuNanos;

		private long clientCpuNanos;

		private long processCpuNanos;

		String measure(Supplier<String> call) {
			long wallStart = System.nanoTime();
			long processStart = OS.getProcessCpuTime();
			long clientStart = clientCpuNanos();
			long callerStart = THREADS.getCurrentThreadCpuTime();
			String answer = call.get();
			this.callerCpuNanos += THREADS.getCurrentThreadCpuTime() - callerStart;
			this.clientCpuNanos += clientCpuNanos() - clientStart;
			this.processCpuNanos += OS.getProcessCpuTime() - processStart;
			this.wallNanos += System.nanoTime() - wallStart;
			return answer;
		}

		void reset() {
			this.wallNanos = 0;
			this.callerCpuNanos = 0;
			this.clientCpuNanos = 0;
			this.processCpuNanos = 0;
		}

	}

}
