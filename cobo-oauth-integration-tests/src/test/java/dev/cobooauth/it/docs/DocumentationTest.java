package dev.cobooauth.it.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under {@code docs/} as a reader finds them: every Java example is the code
 * of the file it names, every relative link leads somewhere, and the README stays a quick start.
 * Part of {@code ./mvnw verify}, so that an example cannot drift from the code it shows.
 */
class DocumentationTest {

	private static final int QUICK_START_MAX_BYTES = 15_000;

	private final Documentation documentation = Documentation.ofRepository();

	@Test
	void everyJavaExampleIsTheCodeOfTheFileItNames() {
		JavaExamples examples = new JavaExamples(this.documentation.root());

		List<String> drifts = this.documentation.documents()
			.stream()
			.flatMap((document) -> examples.check(document).stream())
			.map(JavaExamples.Drift::toString)
			.toList();

		assertThat(drifts).as("Java examples that are not their file's code").isEmpty();
	}

	@Test
	void holdsJavaExamplesToCheck() {
		JavaExamples examples = new JavaExamples(this.documentation.root());

		int count = this.documentation.documents().stream().mapToInt(examples::count).sum();

		assertThat(count).as("Java examples in README.md and docs/").isGreaterThan(10);
	}

	@Test
	void everyRelativeLinkLeadsToAFileAndItsHeading() {
		MarkdownLinks links = new MarkdownLinks(this.documentation.root());

		List<String> broken = this.documentation.documents()
			.stream()
			.flatMap((document) -> links.brokenLinks(document).stream())
			.toList();

		assertThat(broken).as("links that lead nowhere").isEmpty();
	}

	@Test
	void keepsTheReadmeAQuickStart() throws IOException {
		Path readme = this.documentation.root().resolve("README.md");

		assertThat(Files.size(readme)).as("bytes of README.md; the reference belongs in docs/")
			.isLessThanOrEqualTo(QUICK_START_MAX_BYTES);
	}

}
