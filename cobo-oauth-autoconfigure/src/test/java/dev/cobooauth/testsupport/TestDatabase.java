package dev.cobooauth.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL database the JDBC tests run on, found once per JVM in this order:
 * <ol>
 * <li>the JDBC URL in the environment variable {@value #URL_VARIABLE}, with
 * {@value #USER_VARIABLE} (default {@code postgres}) and {@value #PASSWORD_VARIABLE} (default
 * empty);</li>
 * <li>a local PostgreSQL on {@code 127.0.0.1:5432}, database and user {@code postgres}, trust
 * authentication (what {@code .ci/run} starts);</li>
 * <li>Testcontainers' PostgreSQL, when Docker is available.</li>
 * </ol>
 * With none of them, {@link #get()} fails with a message that says how to provide one. Tests create
 * a schema of their own in it, so the database may be shared.
 */
public final class TestDatabase {

	/** The environment variable with the JDBC URL of a PostgreSQL database the tests may use. */
	public static final String URL_VARIABLE = "COBO_TEST_JDBC_URL";

	/** The environment variable with its user, {@code postgres} by default. */
	public static final String USER_VARIABLE = "COBO_TEST_JDBC_USER";

	/** The environment variable with its password, empty by default. */
	public static final String PASSWORD_VARIABLE = "COBO_TEST_JDBC_PASSWORD";

	/** The local server's database. */
	static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final String DEFAULT_USER = "postgres";

	private static final String IMAGE = "postgres:17-alpine";

	private static @Nullable TestDatabase found;

	private static @Nullable IllegalStateException missing;

	private final String url;

	private final String user;

	private final String password;

	private TestDatabase(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/**
	 * @return the database of this JVM's tests, found on the first call
	 * @throws IllegalStateException if there is none, saying how to provide one
	 */
	public static synchronized TestDatabase get() {
		if (found == null && missing == null) {
			try {
				found = discover(System.getenv(), LOCAL_URL, () -> DockerClientFactory.instance().isDockerAvailable());
			}
			catch (IllegalStateException ex) {
				missing = ex;
			}
		}
		if (missing != null) {
			throw new IllegalStateException(missing.getMessage(), missing);
		}
		return found;
	}

	/**
	 * Finds a database as {@link #get()} does.
	 * @param environment the environment variables
	 * @param localUrl the URL of the local server
	 * @param dockerAvailable whether Testcontainers can start a container
	 * @return the first database that answers
	 * @throws IllegalStateException if none does, saying how to provide one
	 */
	static TestDatabase discover(Map<String, String> environment, String localUrl, Supplier<Boolean> dockerAvailable) {
		String givenUrl = environment.get(URL_VARIABLE);
		if (givenUrl != null && !givenUrl.isBlank()) {
			TestDatabase given = new TestDatabase(givenUrl, environment.getOrDefault(USER_VARIABLE, DEFAULT_USER),
					environment.getOrDefault(PASSWORD_VARIABLE, ""));
			String problem = given.problem();
			if (problem != null) {
				throw new IllegalStateException("The JDBC tests cannot use the PostgreSQL of " + URL_VARIABLE + " ("
						+ givenUrl + "): " + problem + ". Correct " + URL_VARIABLE + ", " + USER_VARIABLE + " and "
						+ PASSWORD_VARIABLE + ", or unset them to use a local PostgreSQL or Testcontainers.");
			}
			return given;
		}
		List<String> tried = new ArrayList<>();
		tried.add(URL_VARIABLE + " is not set");
		TestDatabase local = new TestDatabase(localUrl, DEFAULT_USER, "");
		String localProblem = local.problem();
		if (localProblem == null) {
			return local;
		}
		tried.add("no PostgreSQL at " + localUrl + " (" + localProblem + ")");
		if (dockerAvailable.get()) {
			return Containers.start();
		}
		tried.add("Docker is not available for Testcontainers");
		throw new IllegalStateException("The JDBC tests need a PostgreSQL database, and found none: "
				+ String.join("; ", tried) + ". Provide one: set " + URL_VARIABLE
				+ "=jdbc:postgresql://HOST:PORT/DATABASE (and " + USER_VARIABLE + ", " + PASSWORD_VARIABLE
				+ ") to a database the tests may create schemas in; or start a local PostgreSQL on 127.0.0.1:5432 "
				+ "with user postgres and trust authentication (e.g. pg_ctlcluster --skip-systemctl-redirect "
				+ "$(ls /etc/postgresql) main start); or start Docker, for Testcontainers' PostgreSQL.");
	}

	private @Nullable String problem() {
		try (Connection connection = DriverManager.getConnection(withParameter(this.url, "connectTimeout=3"),
				this.user, this.password)) {
			return null;
		}
		catch (SQLException ex) {
			String message = String.valueOf(ex.getMessage()).strip();
			return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
		}
	}

	/** @return the JDBC URL of the database */
	public String url() {
		return this.url;
	}

	/**
	 * @param schema a schema of the database
	 * @return the JDBC URL with that schema as the current one
	 */
	public String url(String schema) {
		return withParameter(this.url, "currentSchema=" + schema);
	}

	/** @return the user */
	public String user() {
		return this.user;
	}

	/** @return the password */
	public String password() {
		return this.password;
	}

	/**
	 * @param schema a schema of the database
	 * @return {@code spring.datasource.*} properties pointing at that schema
	 */
	public String[] dataSourceProperties(String schema) {
		return new String[] { "spring.datasource.url=" + url(schema), "spring.datasource.username=" + this.user,
				"spring.datasource.password=" + this.password };
	}

	/**
	 * @param url a JDBC URL
	 * @return a data source on it, with this database's user; a connection per use
	 */
	public DataSource dataSource(String url) {
		return new DriverManagerDataSource(url, this.user, this.password);
	}

	private static String withParameter(String url, String parameter) {
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	@Override
	public String toString() {
		return "TestDatabase[" + this.url + ", user " + this.user + "]";
	}

	/** Kept apart, so that Testcontainers is loaded only when it is needed. */
	private static final class Containers {

		static TestDatabase start() {
			// Stopped by Testcontainers' own reaper when the JVM ends.
			PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
			container.start();
			return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}

	}

}
