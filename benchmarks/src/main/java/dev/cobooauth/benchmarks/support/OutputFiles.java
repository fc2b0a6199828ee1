package dev.cobooauth.benchmarks.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where benchmarks write what JMH's result file cannot hold: {@code benchmarks/target/} when run
 * from the repository root (the documented command), else {@code target/}, else the working
 * directory.
 */
public final class OutputFiles {

	private OutputFiles() {
	}

	/**
	 * @param name a file name
	 * @return where to write it
	 */
	public static Path resolve(String name) {
		for (Path directory : new Path[] { Path.of("benchmarks", "target"), Path.of("target") }) {
			if (Files.isDirectory(directory)) {
				return directory.resolve(name);
			}
		}
		return Path.of(name);
	}

}
