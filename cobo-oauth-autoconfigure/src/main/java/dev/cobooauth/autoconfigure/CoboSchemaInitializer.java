package dev.cobooauth.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Creates a table of {@code cobo.token-store.type=jdbc}, the tokens' or the webhook deliveries',
 * following {@code cobo.token-store.initialize-schema} like Spring Boot's initializers follow
 * {@link DatabaseInitializationMode}: with the table's PostgreSQL script on PostgreSQL, its standard
 * one elsewhere. What uses the table depends on its initializer, so the table exists before its
 * first use.
 * <p>
 * A standard script has no {@code if not exists}: the run that finds the table created (by a
 * restart, or another instance starting at the same time) fails on it, and that failure is ignored.
 * Afterwards the table must be there, or startup stops and says so.
 */
class CoboSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	/**
	 * The tables the starter keeps in the application's database.
	 */
	enum Table {

		/** Spring Security's table of authorized clients, with its own scripts. */
		TOKENS("oauth2_authorized_client", "classpath:org/springframework/security/oauth2/client/oauth2-client-schema",
				"Spring Security's schema script"),

		/** The starter's table of the leases instances take to ask Cobo for a token. */
		TOKEN_LEASES("cobo_token_lease", "classpath:dev/cobooauth/oauth2/cobo-token-lease-schema",
				"the starter's schema script"),

		/** The starter's table of accepted webhook and callback deliveries. */
		DELIVERIES("cobo_webhook_delivery", "classpath:dev/cobooauth/signing/cobo-webhook-delivery-schema",
				"the starter's schema script"),

		/** The starter's table of handled webhook events. */
		EVENTS("cobo_webhook_event", "classpath:dev/cobooauth/webhook/cobo-webhook-event-schema",
				"the starter's schema script");

		private final String name;

		private final String scripts;

		private final String scriptName;

		Table(String name, String scripts, String scriptName) {
			this.name = name;
			this.scripts = scripts;
			this.scriptName = scriptName;
		}

		/** @return the script for PostgreSQL */
		String postgresSchema() {
			return this.scripts + "-postgres.sql";
		}

		/** @return the script for other databases */
		String schema() {
			return this.scripts + ".sql";
		}

	}

	private final Table table;

	/**
	 * @param dataSource the database of the token store
	 * @param mode when to create the table
	 * @param table which table
	 */
	CoboSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode, Table table) {
		super(dataSource, settings(dataSource, mode, table));
		this.table = table;
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode,
			Table table) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		settings.setSchemaLocations(List.of(schemaLocation(dataSource, mode, table)));
		settings.setContinueOnError(true);
		return settings;
	}

	// Embedded databases are never PostgreSQL: only ALWAYS needs to look at the database.
	private static String schemaLocation(DataSource dataSource, DatabaseInitializationMode mode, Table table) {
		if (mode != DatabaseInitializationMode.ALWAYS) {
			return table.schema();
		}
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return (DatabaseDriver.fromProductName(product) == DatabaseDriver.POSTGRESQL) ? table.postgresSchema()
					: table.schema();
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("cobo.token-store.initialize-schema is always, but the token store's "
					+ "database cannot be reached to create table " + table.name, ex);
		}
	}

	@Override
	public void afterPropertiesSet() {
		if (initializeDatabase()) {
			checkTableExists();
		}
	}

	private void checkTableExists() {
		try {
			new JdbcTemplate(getDataSource()).queryForObject("SELECT COUNT(*) FROM " + this.table.name + " WHERE 1 = 0",
					Integer.class);
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("cobo.token-store.initialize-schema ran " + this.table.scriptName
					+ ", but table " + this.table.name + " is still missing. Check that the database user may create "
					+ "tables, or create it yourself and set cobo.token-store.initialize-schema=never.", ex);
		}
	}

}
