package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Where the starter keeps its tokens: one authorized client per (registration, principal), per
 * organization for Org Access Tokens and one for the API key's Permission Access Token, in an
 * {@link OAuth2AuthorizedClientService} that belongs to the starter alone, so that Spring Security
 * never wires it into the application's own OAuth2 client setup. Both stacks share it.
 * <p>
 * A store that several instances share (a database) comes with the {@link TokenLock} that
 * serializes their token requests. Whether a read may block tells the reactive side whether it can
 * serve a cached token on the caller's thread.
 *
 * @param service the service holding the tokens, built on the starter's registrations
 * @param lock serializes the token requests of every process sharing the service
 * @param readsBlock whether reading a token may block (a database), rather than being a memory
 * lookup
 */
record TokenStore(OAuth2AuthorizedClientService service, TokenLock lock, boolean readsBlock) {

	TokenStore {
		if (service == null || lock == null) {
			throw new IllegalArgumentException("service and lock cannot be null");
		}
	}

}
