package dev.cobooauth.benchmarks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Notes the machine's load average when a benchmark starts and ends, one line each, so that every
 * result can be read next to how busy the machine was: on a shared box the numbers mean little
 * without it. Lines go to {@code load.tsv} ({@link OutputFiles}), or to the file named by
 * {@code -Dbench.load=...}.
 */
public final class MachineLoad {

	private MachineLoad() {
	}

	/**
	 * @param benchmark what is starting or ending, e.g. {@code RequestSigning start}
	 */
	public static void record(String benchmark) {
		String line = Instant.now() + "\t" + benchmark + "\t" + loadAverage() + "\t"
				+ Runtime.getRuntime().availableProcessors() + "\n";
		try {
			Files.writeString(file(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			System.err.println("Cannot record the machine load: " + ex.getMessage());
		}
		System.out.print("# load: " + line);
	}

	/** @return the 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static Path file() {
		String configured = System.getProperty("bench.load");
		if (configured != null) {
			return Path.of(configured);
		}
		return OutputFiles.resolve("load.tsv");
	}

}
