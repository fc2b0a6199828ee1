package dev.cobooauth.it.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link MarkdownLinks} follows a document's relative links, in a repository of its own.
 */
class MarkdownLinksTest {

	@TempDir
	private Path root;

	private MarkdownLinks links;

	@BeforeEach
	void writeAPage() throws IOException {
		Files.createDirectories(this.root.resolve("docs"));
		Files.writeString(this.root.resolve("docs/testing.md"), """
				# Testing

				## `@AutoConfigureCoboSimulator`: one annotation

				```bash
				# Not a heading
				```

				## Moving time
				## Moving time
				""");
		this.links = new MarkdownLinks(this.root);
	}

	@Test
	void followsLinksToFilesAndToTheirHeadings() throws IOException {
		Path readme = write("README.md", """
				See [testing](docs/testing.md), [the annotation](docs/testing.md#autoconfigurecobosimulator-one-annotation),
				[time](docs/testing.md#moving-time-1) and [Cobo](https://www.cobo.com/developers).
				""");

		assertThat(this.links.brokenLinks(readme)).isEmpty();
	}

	@Test
	void reportsALinkToNoFile() throws IOException {
		Path readme = write("README.md", "\nSee [clustering](docs/clustering.md).\n");

		assertThat(this.links.brokenLinks(readme)).containsExactly("README.md line 2: docs/clustering.md leads to no file");
	}

	@Test
	void reportsALinkToNoHeading() throws IOException {
		Path readme = write("README.md", "See [samples](#samples) and [a comment](docs/testing.md#not-a-heading).\n");

		assertThat(this.links.brokenLinks(readme)).containsExactly("README.md line 1: #samples leads to no heading of README.md",
				"README.md line 1: docs/testing.md#not-a-heading leads to no heading of docs/testing.md");
	}

	@Test
	void leavesLinksInCodeAlone() throws IOException {
		Path readme = write("README.md", """
				Call `[a](#b)` in code.

				```java
				// [a](#b)
				```
				""");

		assertThat(this.links.brokenLinks(readme)).isEmpty();
	}

	private Path write(String name, String markdown) throws IOException {
		Path document = this.root.resolve(name);
		Files.writeString(document, markdown);
		return document;
	}

}
