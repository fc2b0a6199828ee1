package dev.cobooauth.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the JDBC tests find their PostgreSQL: the URL of the environment first, then the local server,
 * then Testcontainers; and with none, a message that says how to provide one. A closed port stands
 * for a stopped server.
 */
class TestDatabaseTest {

	private static final String STOPPED = "jdbc:postgresql://127.0.0.1:1/postgres";

	@Test
	void withNoneOfThemSaysHowToProvideOne() {
		assertThatIllegalStateException().isThrownBy(() -> TestDatabase.discover(Map.of(), STOPPED, () -> false))
			.withMessageStartingWith("The JDBC tests need a PostgreSQL database, and found none: "
					+ "COBO_TEST_JDBC_URL is not set; no PostgreSQL at " + STOPPED + " (")
			.withMessageContaining("Docker is not available for Testcontainers")
			.withMessageContaining("set COBO_TEST_JDBC_URL=jdbc:postgresql://HOST:PORT/DATABASE")
			.withMessageContaining("start a local PostgreSQL on 127.0.0.1:5432")
			.withMessageContaining("or start Docker");
	}

	@Test
	void takesTheUrlOfTheEnvironmentFirst() {
		String local = TestDatabase.get().url();

		TestDatabase database = TestDatabase.discover(Map.of("COBO_TEST_JDBC_URL", local, "COBO_TEST_JDBC_USER",
				TestDatabase.get().user(), "COBO_TEST_JDBC_PASSWORD", TestDatabase.get().password()), STOPPED,
				() -> false);

		assertThat(database.url()).isEqualTo(local);
	}

	@Test
	void namesTheVariableWhenItsUrlDoesNotAnswer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TestDatabase.discover(Map.of("COBO_TEST_JDBC_URL", STOPPED), TestDatabase.LOCAL_URL,
					() -> true))
			.withMessageStartingWith("The JDBC tests cannot use the PostgreSQL of COBO_TEST_JDBC_URL (" + STOPPED + "): ")
			.withMessageContaining("Correct COBO_TEST_JDBC_URL");
	}

	@Test
	void fallsBackToTheLocalServer() {
		TestDatabase local = TestDatabase.get();
		if (!local.url().equals(TestDatabase.LOCAL_URL)) {
			return; // this machine's tests run on another database
		}

		assertThat(TestDatabase.discover(Map.of(), TestDatabase.LOCAL_URL, () -> false).url())
			.isEqualTo(TestDatabase.LOCAL_URL);
	}

	@Test
	void givesTheSchemaAsAParameterOfTheUrl() {
		assertThat(TestDatabase.get().url("s1")).startsWith(TestDatabase.get().url()).endsWith("currentSchema=s1");
	}

}
