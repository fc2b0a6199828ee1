package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Thrown when the starter's token store ({@code cobo.token-store.type}) cannot be read or written,
 * e.g. its database is down or unreachable, so no token can be handed out. The message names the
 * store, what could not be done and the underlying cause; the cause itself is attached. Its error
 * code is {@code temporarily_unavailable}: the same call may succeed once the store answers again.
 */
public class CoboTokenStoreUnavailableException extends OAuth2AuthorizationException {

	private static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

	private final String store;

	/**
	 * @param store the store, e.g. {@code jdbc (table oauth2_authorized_client)}
	 * @param message what could not be done, and why
	 * @param cause the underlying failure
	 */
	public CoboTokenStoreUnavailableException(String store, String message, Throwable cause) {
		super(new OAuth2Error(TEMPORARILY_UNAVAILABLE, describe(store, message), null), describe(store, message),
				cause);
		this.store = store;
	}

	private static String describe(String store, String message) {
		return "Cobo token store " + store + " is unavailable: " + message;
	}

	/** @return the store that failed */
	public String getStore() {
		return this.store;
	}

}
