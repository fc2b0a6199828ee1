package dev.cobooauth.testsupport;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of its own on the local PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication), so that test classes never see each other's tables.
 * Create one per test class and close it afterwards: closing drops the schema and all it holds.
 */
public final class PostgresSchema implements AutoCloseable {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String USER = "postgres";

	private final String name;

	private final JdbcTemplate admin;

	private PostgresSchema(String name, JdbcTemplate admin) {
		this.name = name;
		this.admin = admin;
	}

	/**
	 * @return a new, empty schema
	 * @throws IllegalStateException if PostgreSQL is not running, saying how to start it
	 */
	public static PostgresSchema create() {
		String name = "cobo_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(SERVER, USER, ""));
		try {
			admin.execute("CREATE SCHEMA " + name);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("These tests need PostgreSQL on 127.0.0.1:5432 (database test, user "
					+ "postgres); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
					ex);
		}
		return new PostgresSchema(name, admin);
	}

	/** @return the JDBC URL of the database, with this schema as the current one */
	public String url() {
		return SERVER + "?currentSchema=" + this.name;
	}

	/**
	 * @return {@code spring.datasource.*} properties pointing at this schema
	 */
	public String[] dataSourceProperties() {
		return new String[] { "spring.datasource.url=" + url(), "spring.datasource.username=" + USER };
	}

	/** @return a template on this schema, for assertions */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(new DriverManagerDataSource(url(), USER, ""));
	}

	/** @return the schema's name */
	public String name() {
		return this.name;
	}

	/** Drops the token table, so that the next test starts without tokens or table. */
	public void dropTokenTable() {
		this.admin.execute("DROP TABLE IF EXISTS " + this.name + ".oauth2_authorized_client");
	}

	/** @return whether the token table exists in this schema */
	public boolean hasTokenTable() {
		Integer count = this.admin.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
				+ "WHERE table_schema = ? AND table_name = 'oauth2_authorized_client'", Integer.class, this.name);
		return count != null && count > 0;
	}

	@Override
	public void close() {
		this.admin.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
	}

}
