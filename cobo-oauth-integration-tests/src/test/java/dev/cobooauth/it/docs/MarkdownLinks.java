package dev.cobooauth.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the relative links of a Markdown document: each must lead to a file of the repository and,
 * with a {@code #fragment}, to a heading of that file, named as GitHub names its anchors. Links with a
 * scheme ({@code https:}, {@code mailto:}) are left alone, and so is everything inside code.
 */
final class MarkdownLinks {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

	private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)\\s*#*\\s*");

	private final Path root;

	/**
	 * @param root the repository's root: no link may leave it
	 */
	MarkdownLinks(Path root) {
		this.root = root;
	}

	/**
	 * @param document a Markdown document under the root
	 * @return a line per link that leads nowhere, naming the document, its line and the link
	 */
	List<String> brokenLinks(Path document) {
		String name = this.root.relativize(document).toString().replace('\\', '/');
		List<String> broken = new ArrayList<>();
		List<String> lines = prose(read(document));
		for (int i = 0; i < lines.size(); i++) {
			Matcher link = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
			while (link.find()) {
				String target = link.group(1);
				String problem = SCHEME.matcher(target).matches() ? null : problemOf(document, target);
				if (problem != null) {
					broken.add(name + " line " + (i + 1) + ": " + target + " " + problem);
				}
			}
		}
		return broken;
	}

	private String problemOf(Path document, String target) {
		int hash = target.indexOf('#');
		String file = (hash < 0) ? target : target.substring(0, hash);
		Path linked = file.isEmpty() ? document : document.resolveSibling(file).normalize();
		if (!linked.startsWith(this.root) || !Files.exists(linked)) {
			return "leads to no file";
		}
		if (hash < 0) {
			return null;
		}
		if (Files.isDirectory(linked) || !linked.toString().endsWith(".md")) {
			return "has a fragment, but leads to no Markdown document";
		}
		String fragment = target.substring(hash + 1);
		return anchorsOf(linked).contains(fragment) ? null : "leads to no heading of " + this.root.relativize(linked);
	}

	/** GitHub's anchors: the heading in lower case, without punctuation, a hyphen for each space; then -1, -2 for repeats. */
	static List<String> anchorsOf(Path document) {
		List<String> anchors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : prose(read(document))) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String anchor = heading.group(1)
					.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
					.replace(' ', '-');
				int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
				anchors.add((repeats == 0) ? anchor : anchor + "-" + repeats);
			}
		}
		return anchors;
	}

	/** The document's lines with those of fenced code blocks blanked, so that line numbers stay. */
	private static List<String> prose(List<String> lines) {
		List<String> prose = new ArrayList<>();
		boolean inCode = false;
		for (String line : lines) {
			boolean fence = line.strip().startsWith("```");
			prose.add((inCode || fence) ? "" : line);
			inCode = inCode != fence;
		}
		return prose;
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
