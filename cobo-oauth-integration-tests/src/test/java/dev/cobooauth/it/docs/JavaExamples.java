package dev.cobooauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the Java examples of a Markdown document against the compiled code they are taken from. An
 * example is a {@code ```java} block whose first line names its file, relative to the repository's
 * root:
 *
 * <pre>
 * ```java
 * // samples/portal-app/src/main/java/dev/cobooauth/samples/portal/WalletsApi.java
 * import dev.cobooauth.oauth2.CoboOrgId;
 * ...
 * interface WalletsApi {
 * ```
 * </pre>
 *
 * Its other lines must be that file's lines, in the file's order; a line {@code ...} stands for lines
 * left out, and nowhere else may a line be left out. A tab counts as four spaces, so that an example
 * may indent with spaces what the file indents with tabs. The file must be a Java source of a module
 * ({@code src/main/java} or {@code src/test/java}), and the example shows its imports, so that a reader
 * knows where each type comes from.
 */
final class JavaExamples {

	private static final String FENCE = "```";

	private static final String ELLIPSIS = "...";

	private static final Pattern FILE_COMMENT = Pattern.compile("// (\\S+\\.java)");

	private static final Pattern COMPILED_SOURCE = Pattern.compile("(.+/)?src/(main|test)/java/.+\\.java");

	private final Path root;

	/**
	 * @param root the repository's root, against which the examples' file names are resolved
	 */
	JavaExamples(Path root) {
		this.root = root;
	}

	/**
	 * @param document a Markdown document under the root
	 * @return where its examples differ from their files, in the document's order; empty when none does
	 */
	List<Drift> check(Path document) {
		String name = this.root.relativize(document).toString().replace('\\', '/');
		List<Drift> drifts = new ArrayList<>();
		List<Example> examples = examplesOf(name, read(document));
		for (Example example : examples) {
			String problem = problemOf(example);
			if (problem != null) {
				drifts.add(new Drift(name, example.number(), example.firstLine(), problem));
			}
		}
		return drifts;
	}

	/**
	 * @param document a Markdown document
	 * @return how many Java examples it holds
	 */
	int count(Path document) {
		return examplesOf(document.toString(), read(document)).size();
	}

	private static List<Example> examplesOf(String document, List<String> lines) {
		List<Example> examples = new ArrayList<>();
		int javaBlocks = 0;
		for (int i = 0; i < lines.size(); i++) {
			String fence = lines.get(i).strip();
			if (!fence.startsWith(FENCE)) {
				continue;
			}
			int end = closingFence(lines, i + 1);
			if (fence.substring(FENCE.length()).strip().equals("java")) {
				javaBlocks++;
				examples.add(new Example(javaBlocks, i + 2, lines.subList(i + 1, end)));
			}
			i = end;
		}
		return examples;
	}

	private static int closingFence(List<String> lines, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (lines.get(i).strip().equals(FENCE)) {
				return i;
			}
		}
		return lines.size();
	}

	private String problemOf(Example example) {
		List<String> lines = example.lines();
		Matcher comment = lines.isEmpty() ? null : FILE_COMMENT.matcher(lines.get(0).strip());
		if (comment == null || !comment.matches()) {
			return "its first line must name the Java file it is taken from, as in "
					+ "// samples/portal-app/src/main/java/dev/cobooauth/samples/portal/WalletsApi.java";
		}
		String file = comment.group(1);
		Path source = this.root.resolve(file).normalize();
		if (!COMPILED_SOURCE.matcher(file).matches() || !source.startsWith(this.root)) {
			return file + " is not a Java source of a module (src/main/java or src/test/java)";
		}
		if (!Files.isRegularFile(source)) {
			return file + " does not exist";
		}
		List<String> sourceLines = read(source).stream().map(JavaExamples::normalized).toList();
		List<String> shown = lines.subList(1, lines.size());
		if (sourceLines.stream().anyMatch(JavaExamples::isImport) && shown.stream().noneMatch(JavaExamples::isImport)) {
			return "it shows none of the imports of " + file;
		}
		return mismatchOf(shown, example.firstLine() + 1, sourceLines, file);
	}

	/**
	 * Finds each run of lines between two {@code ...} in the file, each after the one before; the
	 * earliest place of a run leaves the most room for the runs after it.
	 */
	private static String mismatchOf(List<String> shown, int firstDocumentLine, List<String> source, String file) {
		int next = 0;
		int runStart = 0;
		for (int i = 0; i <= shown.size(); i++) {
			if (i < shown.size() && !shown.get(i).strip().equals(ELLIPSIS)) {
				continue;
			}
			List<String> run = shown.subList(runStart, i).stream().map(JavaExamples::normalized).toList();
			if (!run.isEmpty()) {
				int at = indexOf(source, run, next);
				if (at < 0) {
					int matched = longestPrefix(source, run, next);
					int documentLine = firstDocumentLine + runStart + matched;
					String line = "line " + documentLine + " \"" + run.get(matched).strip() + "\"";
					return (matched == 0) ? line + " is not in " + file + after(next)
							: line + " does not follow \"" + run.get(matched - 1).strip() + "\" in " + file
									+ " (changed, or lines left out without a line ...)";
				}
				next = at + run.size();
			}
			runStart = i + 1;
		}
		return null;
	}

	private static String after(int sourceLine) {
		return (sourceLine == 0) ? "" : " after its line " + sourceLine;
	}

	private static int indexOf(List<String> source, List<String> run, int from) {
		for (int at = from; at + run.size() <= source.size(); at++) {
			if (source.subList(at, at + run.size()).equals(run)) {
				return at;
			}
		}
		return -1;
	}

	private static int longestPrefix(List<String> source, List<String> run, int from) {
		int longest = 0;
		for (int at = from; at < source.size(); at++) {
			int matched = 0;
			while (matched < run.size() && at + matched < source.size()
					&& source.get(at + matched).equals(run.get(matched))) {
				matched++;
			}
			longest = Math.max(longest, matched);
		}
		return longest;
	}

	private static boolean isImport(String line) {
		return line.startsWith("import ");
	}

	private static String normalized(String line) {
		return line.replace("\t", "    ").stripTrailing();
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A Java block of a document.
	 *
	 * @param number its place among the document's Java blocks, from 1
	 * @param firstLine the document's line of its first line, from 1
	 * @param lines its lines, without the fences
	 */
	private record Example(int number, int firstLine, List<String> lines) {
	}

	/**
	 * An example that is not, or no longer, its file's code.
	 *
	 * @param document the document, relative to the root
	 * @param example the example's place among the document's Java blocks, from 1
	 * @param line the document's line where the example starts
	 * @param problem what does not match
	 */
	record Drift(String document, int example, int line, String problem) {

		@Override
		public String toString() {
			return this.document + ", Java example " + this.example + " (line " + this.line + "): " + this.problem;
		}

	}

}
