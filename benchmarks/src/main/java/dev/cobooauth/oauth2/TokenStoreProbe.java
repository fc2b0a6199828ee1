package dev.cobooauth.oauth2;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Hands the heap benchmark the one object it weighs: the service in which the starter keeps its
 * tokens. A measuring probe, not a way to use the starter: an application never needs the store, so
 * it is package-private in the starter ({@code TokenStore}, reached through {@link CoboTokens}).
 * This class lives in the starter's package {@code dev.cobooauth.oauth2} only to reach it; this
 * benchmarks module is never published, and nothing here is API. Everything else the heap
 * benchmark does goes through the starter's beans.
 */
public final class TokenStoreProbe {

	private TokenStoreProbe() {
	}

	/**
	 * @param tokens the {@code coboTokens} bean
	 * @return the service holding its tokens, the root of the heap benchmark's object graph
	 */
	public static OAuth2AuthorizedClientService authorizedClients(CoboTokens tokens) {
		return tokens.assembly().store().service();
	}

}
