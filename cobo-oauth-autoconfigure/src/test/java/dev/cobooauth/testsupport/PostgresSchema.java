package dev.cobooauth.testsupport;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A schema of its own in the tests' PostgreSQL ({@link TestDatabase}), so that test classes never
 * see each other's tables. Create one per test class and close it afterwards: closing drops the
 * schema and all it holds.
 */
public final class PostgresSchema implements AutoCloseable {

	private final TestDatabase database;

	private final String name;

	private final JdbcTemplate admin;

	private PostgresSchema(TestDatabase database, String name, JdbcTemplate admin) {
		this.database = database;
		this.name = name;
		this.admin = admin;
	}

	/**
	 * @return a new, empty schema
	 * @throws IllegalStateException if there is no PostgreSQL, saying how to provide one
	 */
	public static PostgresSchema create() {
		TestDatabase database = TestDatabase.get();
		String name = "cobo_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		JdbcTemplate admin = new JdbcTemplate(database.dataSource(database.url()));
		admin.execute("CREATE SCHEMA " + name);
		return new PostgresSchema(database, name, admin);
	}

	/** @return the JDBC URL of the database, with this schema as the current one */
	public String url() {
		return this.database.url(this.name);
	}

	/**
	 * @return {@code spring.datasource.*} properties pointing at this schema
	 */
	public String[] dataSourceProperties() {
		return this.database.dataSourceProperties(this.name);
	}

	/** @return a template on this schema, for assertions */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(this.database.dataSource(url()));
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
