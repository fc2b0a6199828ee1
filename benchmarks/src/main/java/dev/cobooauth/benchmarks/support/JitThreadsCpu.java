package dev.cobooauth.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time the JIT compiler's threads have used so far, by thread: compared between two readings,
 * it shows whether compilation had settled while a benchmark measured, which a process's CPU time
 * cannot tell apart from the calls' own. Read from Linux's {@code /proc/self/task/<tid>/schedstat}
 * (nanoseconds on a core) and {@code comm} (the thread's name); elsewhere {@link #now()} answers
 * {@link #UNAVAILABLE}.
 *
 * @param nanosByThread CPU nanoseconds so far, by thread id of each compiler thread
 */
public record JitThreadsCpu(Map<Long, Long> nanosByThread) {

	/** What {@link #now()} answers where {@code /proc} cannot be read. */
	public static final JitThreadsCpu UNAVAILABLE = new JitThreadsCpu(Map.of());

	/** Names (as the kernel shortens them, to 15 characters) of the JIT compiler's threads. */
	private static final List<String> JIT_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre");

	private static final Path TASKS = Path.of("/proc/self/task");

	/** @return every live compiler thread's CPU time so far, {@link #UNAVAILABLE} if {@code /proc} cannot be read */
	public static JitThreadsCpu now() {
		Map<Long, Long> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(TASKS)) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				readCompilerThread(task, threads);
			}
		}
		catch (IOException | RuntimeException ex) {
			return UNAVAILABLE;
		}
		return threads.isEmpty() ? UNAVAILABLE : new JitThreadsCpu(Map.copyOf(threads));
	}

	private static void readCompilerThread(Path task, Map<Long, Long> into) {
		try {
			String name = Files.readString(task.resolve("comm")).strip();
			if (JIT_PREFIXES.stream().anyMatch(name::startsWith)) {
				String schedstat = Files.readString(task.resolve("schedstat"));
				into.put(Long.parseLong(task.getFileName().toString()),
						Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
			}
		}
		catch (IOException | RuntimeException ex) {
			// The thread ended between listing and reading: it has no more CPU to add.
		}
	}

	/**
	 * @param earlier a reading taken before this one
	 * @return the CPU nanoseconds the compiler threads used between the two readings (a thread
	 * started in between counts from zero); 0 if either reading is {@link #UNAVAILABLE}
	 */
	public long nanosSince(JitThreadsCpu earlier) {
		if (this.nanosByThread.isEmpty() || earlier.nanosByThread.isEmpty()) {
			return 0;
		}
		long total = 0;
		for (Map.Entry<Long, Long> thread : this.nanosByThread.entrySet()) {
			total += thread.getValue() - earlier.nanosByThread.getOrDefault(thread.getKey(), 0L);
		}
		return total;
	}

}
