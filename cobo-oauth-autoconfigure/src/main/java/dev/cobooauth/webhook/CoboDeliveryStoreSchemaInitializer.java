package dev.cobooauth.webhook;

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
 * Creates the {@code cobo_webhook_delivery} table in which, with {@code cobo.token-store.type=jdbc},
 * every instance remembers the deliveries it accepted, as the token table is created: following
 * {@code cobo.token-store.initialize-schema}, with {@code cobo-webhook-delivery-schema-postgres.sql}
 * on PostgreSQL and {@code cobo-webhook-delivery-schema.sql} elsewhere. The verifier depends on it,
 * so the table exists before the first delivery is checked.
 * <p>
 * The PostgreSQL script creates nothing that exists; the other one has no {@code if not exists},
 * which not every database knows, so the run that finds the table (a restart, or another instance
 * starting at the same time) fails on it, and that failure is ignored. Afterwards the table must be
 * there, or startup stops and says so.
 */
class CoboDeliveryStoreSchemaInitializer extends DataSourceScriptDatabaseInitializer {

	private static final String SCRIPTS = "classpath:dev/cobooauth/signing/";

	static final String POSTGRES_SCHEMA = SCRIPTS + "cobo-webhook-delivery-schema-postgres.sql";

	static final String SCHEMA = SCRIPTS + "cobo-webhook-delivery-schema.sql";

	private static final String TABLE_CHECK = "SELECT COUNT(*) FROM cobo_webhook_delivery WHERE 1 = 0";

	/**
	 * @param dataSource the database of the token store, where deliveries are remembered too
	 * @param mode when to create the table
	 */
	CoboDeliveryStoreSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
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
			throw new IllegalStateException("cobo.token-store.initialize-schema is always, but the database cannot "
					+ "be reached to create table cobo_webhook_delivery, where Cobo's deliveries are remembered", ex);
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
			throw new IllegalStateException("cobo.token-store.initialize-schema ran the starter's schema script, "
					+ "but table cobo_webhook_delivery is still missing. Check that the database user may create "
					+ "tables, or create it yourself and set cobo.token-store.initialize-schema=never.", ex);
		}
	}

	/** @return the database the table is created in */
	DataSource dataSource() {
		return getDataSource();
	}

}
