package dev.cobooauth.oauth2.client;

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
 */
public final class CoboTokenStore {

	private final OAuth2AuthorizedClientService authorizedClientService;

	/**
	 * @param authorizedClientService the service holding the tokens, e.g. in memory or in a database
	 */
	public CoboTokenStore(OAuth2AuthorizedClientService authorizedClientService) {
		if (authorizedClientService == null) {
			throw new IllegalArgumentException("authorizedClientService cannot be null");
		}
		this.authorizedClientService = authorizedClientService;
	}

	/** @return the service holding the tokens */
	public OAuth2AuthorizedClientService getAuthorizedClientService() {
		return this.authorizedClientService;
	}

}
