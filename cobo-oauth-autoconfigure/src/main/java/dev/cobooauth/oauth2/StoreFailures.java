package dev.cobooauth.oauth2;

import java.sql.SQLException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * Turns a database failure into a {@link CoboTokenStoreUnavailableException} that names the store
 * and says what went wrong in the driver's words.
 */
final class StoreFailures {

	static final String STORE = "jdbc (table oauth2_authorized_client)";

	private StoreFailures() {
	}

	/**
	 * @param what what could not be done, e.g. "could not read the token of 'org-1'"
	 * @param failure the failure
	 * @return the exception to throw
	 */
	static CoboTokenStoreUnavailableException unavailable(String what, Exception failure) {
		String hint = (failure instanceof BadSqlGrammarException) ? ". Create the table with Spring Security's "
				+ "oauth2-client-schema-postgres.sql (oauth2-client-schema.sql elsewhere), or set "
				+ "cobo.token-store.initialize-schema=always" : "";
		return new CoboTokenStoreUnavailableException(STORE, what + ": " + cause(failure) + hint, failure);
	}

	// The driver's message ("Connection to 127.0.0.1:5432 refused...") says more than the pool's
	// or the socket's, so the deepest SQLException is preferred.
	private static String cause(Throwable failure) {
		String message = null;
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof SQLException && current.getMessage() != null) {
				message = current.getMessage();
			}
		}
		return (message != null) ? message : NestedExceptionUtils.getMostSpecificCause(failure).toString();
	}

}
