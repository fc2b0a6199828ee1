package dev.cobooauth.oauth2;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * This process's copies of the tokens of a store whose reads block (a database shared by every
 * instance): a call whose token is in memory and still servable reads no database, even while the
 * token is due and its refresh is in flight. A copy is replaced whenever the store is read or this
 * process obtains a token, and forgotten when Cobo rejects it, so a token another instance
 * refreshed is picked up by the refresh a due copy starts (which reads the store under the lock of
 * every instance) or once the copy is rejected. One entry per (registration, principal), as the
 * store has one row.
 */
final class LocalTokenCopies {

	private final ConcurrentMap<TokenFlights.Key, OAuth2AuthorizedClient> copies = new ConcurrentHashMap<>();

	/**
	 * @param key the registration and principal
	 * @param expiry decides whether the copy is due, and whether a due copy may still be handed out
	 * @return the copy, if there is one and it is not due, or is due but may still be handed out
	 * while it is refreshed; {@code null} when the caller must read the store
	 */
	@Nullable OAuth2AuthorizedClient servable(TokenFlights.Key key, TokenExpiry expiry) {
		OAuth2AuthorizedClient copy = this.copies.get(key);
		if (copy == null) {
			return null;
		}
		OAuth2AccessToken token = copy.getAccessToken();
		return (!expiry.isDue(token) || expiry.isServableWhileRefreshed(token)) ? copy : null;
	}

	/**
	 * @param key the registration and principal
	 * @param client what the store holds or what was just obtained; {@code null} forgets the copy
	 */
	void keep(TokenFlights.Key key, @Nullable OAuth2AuthorizedClient client) {
		if (client == null) {
			this.copies.remove(key);
		}
		else {
			this.copies.put(key, client);
		}
	}

	/**
	 * Forgets the copy if it is the token Cobo rejected.
	 * @param key the registration and principal
	 * @param rejectedTokenValue the access token Cobo rejected
	 */
	void forget(TokenFlights.Key key, String rejectedTokenValue) {
		this.copies.computeIfPresent(key,
				(k, copy) -> copy.getAccessToken().getTokenValue().equals(rejectedTokenValue) ? null : copy);
	}

}
