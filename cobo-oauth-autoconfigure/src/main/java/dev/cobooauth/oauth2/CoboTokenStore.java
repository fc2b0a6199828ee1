package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Where the starter keeps its tokens: one authorized client per (registration, principal): per
 * organization for Org Access Tokens, one for the API key's Permission Access Token. It
 * wraps an {@link OAuth2AuthorizedClientService} that belongs to the starter alone, so that Spring
 * Security never wires it into the application's own OAuth2 client setup. Both stacks share it,
 * so a token fetched by a {@code RestClient} serves a {@code WebClient} too.
 * <p>
 * Its service must know every registration of {@link CoboClientRegistrations} (build it on
 * {@link CoboClientRegistrations#repository()}): a service that does not know a registration finds
 * none of its tokens, so each call would fetch a new one.
 * <p>
 * A store that several instances share (a database) comes with the {@link TokenLock} that
 * serializes their token requests; a store in one process's memory needs none.
 */
public final class CoboTokenStore {

	private final OAuth2AuthorizedClientService authorizedClientService;

	private final TokenLock lock;

	/**
	 * A store only this process uses, e.g. in memory.
	 * @param authorizedClientService the service holding the tokens
	 */
	public CoboTokenStore(OAuth2AuthorizedClientService authorizedClientService) {
		this(authorizedClientService, TokenLock.NONE);
	}

	/**
	 * A store that other processes may share, e.g. a database.
	 * @param authorizedClientService the service holding the tokens
	 * @param lock serializes the token requests of every process sharing the service
	 */
	public CoboTokenStore(OAuth2AuthorizedClientService authorizedClientService, TokenLock lock) {
		if (authorizedClientService == null) {
			throw new IllegalArgumentException("authorizedClientService cannot be null");
		}
		if (lock == null) {
			throw new IllegalArgumentException("lock cannot be null");
		}
		this.authorizedClientService = authorizedClientService;
		this.lock = lock;
	}

	/** @return the service holding the tokens */
	public OAuth2AuthorizedClientService getAuthorizedClientService() {
		return this.authorizedClientService;
	}

	/** @return the lock token requests take, {@link TokenLock#NONE} for a store no other process shares */
	public TokenLock getLock() {
		return this.lock;
	}

}
