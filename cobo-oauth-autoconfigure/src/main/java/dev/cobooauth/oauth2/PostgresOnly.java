package dev.cobooauth.oauth2;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The check, once per lock, that the token store's database is PostgreSQL, which the built-in
 * {@link TokenLock}s coordinate instances with.
 */
final class PostgresOnly {

	private PostgresOnly() {
	}

	/**
	 * @param dataSource the token store's database
	 * @param mechanism how the lock coordinates instances, e.g. "a lease row"
	 * @throws IllegalStateException if it is another database, saying what to do instead
	 * @throws CoboTokenStoreUnavailableException if the database does not say which it is
	 */
	static void check(DataSource dataSource, String mechanism) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw StoreFailures.unavailable("could not tell which database it is", ex);
		}
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			throw new IllegalStateException("cobo.token-store.type=jdbc coordinates instances with " + mechanism
					+ " in PostgreSQL, but the DataSource is " + product + ". Use PostgreSQL, or define a TokenLock bean for "
					+ product + " (TokenLock.NONE if a single instance uses the database).");
		}
	}

}
