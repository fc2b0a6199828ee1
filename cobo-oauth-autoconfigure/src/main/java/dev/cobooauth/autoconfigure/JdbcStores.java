package dev.cobooauth.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * What the two things {@code cobo.token-store.type=jdbc} keeps in the application's database share:
 * the tokens and the webhook deliveries need the one {@code DataSource}, and their tables are created
 * as {@code cobo.token-store.initialize-schema} says. Every problem names the property, and Spring
 * Boot's failure analysis shows it with its value and origin.
 */
final class JdbcStores {

	static final String TYPE = "cobo.token-store.type";

	private JdbcStores() {
	}

	/**
	 * @param dataSource the application's data sources
	 * @param what what needs the database, e.g. "the token store"
	 * @return the one data source
	 * @throws InvalidConfigurationPropertyValueException naming {@code cobo.token-store.type} if there
	 * is none, or several and none primary
	 */
	static DataSource dataSource(ObjectProvider<DataSource> dataSource, String what) {
		DataSource unique = dataSource.getIfUnique();
		if (unique == null) {
			throw new InvalidConfigurationPropertyValueException(TYPE, "jdbc", TYPE + " is jdbc, so " + what
					+ " is kept in the application's database, but the application has no DataSource (or several, none "
					+ "of them primary). Add spring-boot-starter-jdbc and your database's JDBC driver and set "
					+ "spring.datasource.url, or define a DataSource bean; or set " + TYPE + "=memory.");
		}
		return unique;
	}

	/**
	 * @param dataSource the database
	 * @param properties the starter's properties
	 * @param table the table to create
	 * @return its initializer
	 */
	static CoboSchemaInitializer initializer(DataSource dataSource, CoboProperties properties,
			CoboSchemaInitializer.Table table) {
		DatabaseInitializationMode mode = DatabaseInitializationMode
			.valueOf(properties.getTokenStore().getInitializeSchema().name());
		return new CoboSchemaInitializer(dataSource, mode, table);
	}

	/**
	 * @param what what needs the database
	 * @return the failure of an application without Spring's JDBC support
	 */
	static InvalidConfigurationPropertyValueException withoutJdbc(String what) {
		return new InvalidConfigurationPropertyValueException(TYPE, "jdbc", TYPE + " is jdbc, so " + what
				+ " is kept in the application's database, but Spring's JDBC support is not on the classpath. Add "
				+ "spring-boot-starter-jdbc and your database's JDBC driver (e.g. org.postgresql:postgresql), or set "
				+ TYPE + "=memory.");
	}

}
