package dev.cobooauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's documentation: its {@code README.md} and the Markdown pages under {@code docs/}.
 *
 * @param root the repository's root, the directory that holds {@code mvnw}
 */
record Documentation(Path root) {

	/**
	 * Finds the repository from the working directory, which is a module's directory when Maven runs
	 * the tests, by walking up to the directory that holds {@code mvnw}.
	 * @return the repository's documentation
	 */
	static Documentation ofRepository() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isRegularFile(directory.resolve("mvnw"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No mvnw in " + Path.of("").toAbsolutePath() + " or above it");
		}
		return new Documentation(directory);
	}

	/** @return {@code README.md} and every {@code .md} under {@code docs/}, in that order */
	List<Path> documents() {
		List<Path> documents = new ArrayList<>();
		documents.add(this.root.resolve("README.md"));
		Path docs = this.root.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> files = Files.walk(docs)) {
				files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return documents;
	}

}
