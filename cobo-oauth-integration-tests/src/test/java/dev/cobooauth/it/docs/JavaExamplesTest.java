package dev.cobooauth.it.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link JavaExamples} holds a document's Java examples against their files, in a repository of
 * its own: one source file and one document per test.
 */
class JavaExamplesTest {

	private static final String SOURCE = "app/src/main/java/com/example/Wallets.java";

	@TempDir
	private Path root;

	private JavaExamples examples;

	@BeforeEach
	void writeTheSource() throws IOException {
		Path source = this.root.resolve(SOURCE);
		Files.createDirectories(source.getParent());
		Files.writeString(source, """
				package com.example;

				import org.springframework.stereotype.Service;
				import org.springframework.web.client.RestClient;

				@Service
				class Wallets {

				\tprivate final RestClient cobo;

				\tWallets(RestClient cobo) {
				\t\tthis.cobo = cobo;
				\t}

				\tString list() {
				\t\treturn this.cobo.get().uri("/wallets").retrieve().body(String.class);
				\t}

				}
				""");
		this.examples = new JavaExamples(this.root);
	}

	@Test
	void acceptsAnExampleWhoseLinesAreItsFilesLines() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.stereotype.Service;
				import org.springframework.web.client.RestClient;

				@Service
				class Wallets {
				```
				""");

		assertThat(drifts).isEmpty();
	}

	@Test
	void acceptsLinesLeftOutWhereAnEllipsisStandsForThem() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.web.client.RestClient;
				...
				class Wallets {
				    ...
				    String list() {
				        return this.cobo.get().uri("/wallets").retrieve().body(String.class);
				    }
				```
				""");

		assertThat(drifts).isEmpty();
	}

	@Test
	void acceptsSpacesWhereTheFileIndentsWithTabs() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.web.client.RestClient;
				...
				    Wallets(RestClient cobo) {
				        this.cobo = cobo;
				    }
				```
				""");

		assertThat(drifts).isEmpty();
	}

	@Test
	void reportsTheDocumentTheExampleAndTheFirstLineThatDrifted() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				# Wallets

				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.web.client.RestClient;
				```

				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.web.client.RestClient;
				...
				    String list() {
				        return this.cobo.get().uri("/wallets?limit=10").retrieve().body(String.class);
				    }
				```
				""");

		assertThat(drifts).singleElement().hasToString("docs/page.md, Java example 2 (line 9): line 13 "
				+ "\"return this.cobo.get().uri(\"/wallets?limit=10\").retrieve().body(String.class);\" does not follow "
				+ "\"String list() {\" in " + SOURCE + " (changed, or lines left out without a line ...)");
	}

	@Test
	void reportsALineThatIsNowhereInTheFile() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.web.client.RestClient;
				...
				import org.springframework.web.reactive.function.client.WebClient;
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.isEqualTo("line 5 \"import org.springframework.web.reactive.function.client.WebClient;\" is not in " + SOURCE
					+ " after its line 4");
	}

	@Test
	void reportsLinesLeftOutWithoutAnEllipsis() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.stereotype.Service;
				@Service
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.asString()
			.startsWith("line 4 \"@Service\" does not follow \"import org.springframework.stereotype.Service;\"");
	}

	@Test
	void reportsLinesOutOfTheFilesOrder() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				import org.springframework.web.client.RestClient;
				...
				class Wallets {
				...
				@Service
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.isEqualTo("line 7 \"@Service\" is not in " + SOURCE + " after its line 7");
	}

	@Test
	void reportsAnExampleThatDoesNotNameItsFile() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				import org.springframework.web.client.RestClient;
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.asString()
			.startsWith("its first line must name the Java file it is taken from");
	}

	@Test
	void reportsAFileThatDoesNotExist() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Payments.java
				import org.springframework.web.client.RestClient;
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.isEqualTo("app/src/main/java/com/example/Payments.java does not exist");
	}

	@Test
	void reportsAFileThatIsNotCompiledSource() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/Wallets.java
				import org.springframework.web.client.RestClient;
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.isEqualTo("app/Wallets.java is not a Java source of a module (src/main/java or src/test/java)");
	}

	@Test
	void reportsAnExampleWithoutTheImportsOfItsFile() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```java
				// app/src/main/java/com/example/Wallets.java
				@Service
				class Wallets {
				```
				""");

		assertThat(drifts).singleElement()
			.extracting(JavaExamples.Drift::problem)
			.isEqualTo("it shows none of the imports of " + SOURCE);
	}

	@Test
	void leavesBlocksOfOtherLanguagesAlone() throws IOException {
		List<JavaExamples.Drift> drifts = check("""
				```yaml
				cobo:
				  env: sandbox
				```

				```bash
				// not a file
				```
				""");

		assertThat(drifts).isEmpty();
	}

	private List<JavaExamples.Drift> check(String markdown) throws IOException {
		Path document = this.root.resolve("docs/page.md");
		Files.createDirectories(document.getParent());
		Files.writeString(document, markdown);
		return this.examples.check(document);
	}

}
