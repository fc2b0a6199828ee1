package dev.cobooauth.oauth2;

import java.time.Duration;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Looks inside the token engine for tests of other packages: where it keeps its tokens, which
 * lock it takes, and its expiry settings.
 */
public final class TokenEngineProbe {

	private TokenEngineProbe() {
	}

	public static OAuth2AuthorizedClientService store(CoboTokens tokens) {
		return tokens.assembly().store().service();
	}

	public static TokenLock lock(CoboTokens tokens) {
		return tokens.assembly().store().lock();
	}

	public static Duration clockSkew(CoboTokens tokens) {
		return tokens.assembly().clockSkew();
	}

	public static java.util.List<String> registrationIds(CoboTokens tokens) {
		return tokens.assembly().registrations().getRegistrations().stream().map((r) -> r.getRegistrationId()).toList();
	}

	public static org.springframework.security.oauth2.client.registration.ClientRegistration registration(
			CoboTokens tokens, String registrationId) {
		return tokens.assembly().registrations().get(registrationId);
	}

}
