package dev.cobooauth.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time this JVM's threads have used, split by what they do: the JIT compiler's threads, the
 * JVM's own housekeeping (garbage collection, safepoints, code sweeping) and all the others, which
 * do the program's work (a benchmark's calling thread, an HTTP client's selector or event loop, the
 * in-process fake Cobo).
 * <p>
 * Process CPU per call, read over a benchmark's iterations, also holds whatever the JIT compiler is
 * still doing: seconds of it, long after the calls' figures have settled, and unevenly between two
 * forks. Leaving the JIT and housekeeping threads out gives the CPU the calls themselves cost, on
 * every thread they run on. Read from Linux's {@code /proc/self/task/<tid>/schedstat} (nanoseconds
 * on a core) and {@code comm} (the thread's name); elsewhere {@link #now()} answers
 * {@link #UNAVAILABLE}.
 *
 * @param byThread CPU nanoseconds so far and role, by thread id
 */
public record JvmThreadsCpu(Map<Long, ThreadCpu> byThread) {

	/** What {@link #now()} answers where {@code /proc} cannot be read. */
	public static final JvmThreadsCpu UNAVAILABLE = new JvmThreadsCpu(Map.of());

	/** Names (as the kernel shortens them, to 15 characters) of the JIT compiler's threads. */
	private static final List<String> JIT_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre");

	/** Names of the threads the JVM runs for itself. */
	private static final List<String> HOUSEKEEPING_PREFIXES = List.of("GC Thread", "G1 ", "VM Thread",
			"VM Periodic Tas", "Sweeper thread", "Service Thread", "Monitor Deflati");

	private static final Path TASKS = Path.of("/proc/self/task");

	/** What a thread does, as far as its name tells. */
	public enum Role {

		/** Compiles bytecode. */
		JIT,

		/** Collects garbage, reaches safepoints, sweeps code. */
		HOUSEKEEPING,

		/** Everything else: the program's own threads. */
		WORK;

		static Role of(String threadName) {
			if (JIT_PREFIXES.stream().anyMatch(threadName::startsWith)) {
				return JIT;
			}
			if (HOUSEKEEPING_PREFIXES.stream().anyMatch(threadName::startsWith)) {
				return HOUSEKEEPING;
			}
			return WORK;
		}

	}

	/**
	 * @param nanos CPU nanoseconds so far
	 * @param role what the thread does
	 */
	public record ThreadCpu(long nanos, Role role) {
	}

	/** @return every live thread's CPU time so far, {@link #UNAVAILABLE} if {@code /proc} cannot be read */
	public static JvmThreadsCpu now() {
		Map<Long, ThreadCpu> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(TASKS)) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				read(task).ifPresent((cpu) -> threads.put(Long.parseLong(task.getFileName().toString()), cpu));
			}
		}
		catch (IOException | RuntimeException ex) {
			return UNAVAILABLE;
		}
		return new JvmThreadsCpu(Map.copyOf(threads));
	}

	private static Optional<ThreadCpu> read(Path task) {
		try {
			String name = Files.readString(task.resolve("comm")).strip();
			String schedstat = Files.readString(task.resolve("schedstat"));
			long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
			return Optional.of(new ThreadCpu(nanos, Role.of(name)));
		}
		catch (IOException | RuntimeException ex) {
			// The thread ended between listing and reading: it has no more CPU to add.
			return Optional.empty();
		}
	}

	/** @return whether the figures were read */
	public boolean available() {
		return !this.byThread.isEmpty();
	}

	/**
	 * @param role which threads
	 * @param earlier a reading taken before this one
	 * @return the CPU nanoseconds those threads used between the two readings (a thread started in
	 * between counts from zero)
	 */
	public long nanosSince(JvmThreadsCpu earlier, Role role) {
		long total = 0;
		for (Map.Entry<Long, ThreadCpu> thread : this.byThread.entrySet()) {
			if (thread.getValue().role() == role) {
				ThreadCpu before = earlier.byThread.get(thread.getKey());
				total += thread.getValue().nanos() - ((before != null) ? before.nanos() : 0);
			}
		}
		return total;
	}

}
