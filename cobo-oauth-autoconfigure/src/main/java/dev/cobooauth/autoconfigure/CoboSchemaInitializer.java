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
 * Creates the {@code oauth2_authorized_client} table of {@code cobo.token-store.type=jdbc} with
 * Spring Security's own script, {@code oauth2-client-schema-postgres.sql} on PostgreSQL and
 * {@code oauth2-client-schema.sql} elsewhere, following {@code cobo.token-store.initialize-schema}
 * like Spring Boot's initializers follow {@link DatabaseInitializationMode}. The token store
 * depends on it, so the table exists before the first token is stored.
 * <p>
 * Spring Security's script has no {@code if not exists}: the run that finds the table created (by
 * a restart, or another instance starting at the same time) fails on it, and that failure is
 * ignored. Afterwards the table must be there, or startup stops and says so.
 */
class CoboTokenStoreSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private static final String SCRIPTS = "classpath:org/springframework/security/oauth2/client/";

	static final String POSTGRES_SCHEMA = SCRIPTS + "oauth2-client-schema-postgres.sql";

	static final String SCHEMA = SCRIPTS + "oauth2-client-schema.sql";

	private static final String TABLE_CHECK = "SELECT COUNT(*) FROM oauth2_authorized_client WHERE 1 = 0";

	/**
	 * @param dataSource the database of the token store
	 * @param mode when to create the table
	 */
	public CoboTokenStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
		super(dataSource, settings(dataSource, mode));
	}

	private static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setMode(mode);
		settings.setSchemaLocations(List.of(schemaLocation(dataSource, mode)));
		settings.setContinueOnError(true);
		return settings;
	}

	// Embedded databases are never PostgreSQL: only ALWAYS needs to look at the database.
	private static String schemaLocation(DataSource dataSource, DatabaseInitializationMode mode) {
		if (mode != DatabaseInitializationMode.ALWAYS) {
			return SCHEMA;
		}
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return (DatabaseDriver.fromProductName(product) == DatabaseDriver.POSTGRESQL) ? POSTGRES_SCHEMA : SCHEMA;
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("cobo.token-store.initialize-schema is always, but the token store's "
					+ "database cannot be reached to create table oauth2_authorized_client", ex);
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
			new JdbcTemplate(getDataSource()).queryForObject(TABLE_CHECK, Integer.class);
		}
		catch (DataAccessException ex) {
			throw new IllegalStateException("cobo.token-store.initialize-schema ran Spring Security's schema script, "
					+ "but table oauth2_authorized_client is still missing. Check that the database user may create "
					+ "tables, or create it yourself and set cobo.token-store.initialize-schema=never.", ex);
		}
	}

}
