package dev.cobooauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboTokenStore;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenFlights;
import dev.cobooauth.oauth2.CoboTokenRetry;
import dev.cobooauth.signing.CoboSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * What the Org Access Token and the Permission Access Token flows share: one set of registrations
 * holding the Portal App's, the API key's or both, one token store over all of them, one token
 * expiry (clock and clock skew), one retry policy, and the token requests in flight. Imported by
 * both auto-configurations, so it is there when either is, and once when both are.
 * <p>
 * The token store is kept in memory unless {@code cobo.token-store.type=jdbc}
 * ({@link JdbcTokenStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(JdbcTokenStoreConfiguration.class)
class CoboTokenStoreConfiguration {

	/** How long Cobo's Org refresh tokens live. */
	static final Duration ORG_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

	@Bean
	@ConditionalOnMissingBean
	CoboClientRegistrations coboClientRegistrations(CoboProperties properties, CoboEndpoint endpoint,
			@Qualifier(CoboSigningAutoConfiguration.APP_KEY_SIGNER) ObjectProvider<CoboSigner> appKey,
			@Qualifier(CoboSigningAutoConfiguration.API_KEY_SIGNER) ObjectProvider<CoboSigner> apiKey) {
		List<ClientRegistration> registrations = new ArrayList<>();
		if (appKey.getIfAvailable() != null) {
			String clientId = new CoboPropertiesMapper(properties).appClientId();
			registrations.add(CoboClientRegistrations.portalApp(clientId, endpoint.resolve("/oauth/token")));
		}
		CoboSigner apiKeySigner = apiKey.getIfAvailable();
		if (apiKeySigner != null) {
			registrations.add(CoboClientRegistrations.permissionTokens(apiKeySigner.publicKeyHex(),
					endpoint.resolve("/oauth/permission_token/exchange"),
					endpoint.resolve("/oauth/permission_token/refresh")));
		}
		return new CoboClientRegistrations(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "cobo.token-store.type", havingValue = "memory", matchIfMissing = true)
	CoboTokenStore coboTokenStore(CoboClientRegistrations registrations, CoboProperties properties) {
		new CoboPropertiesMapper(properties).refuseEncryptionKeyInMemory();
		return new CoboTokenStore(new InMemoryOAuth2AuthorizedClientService(registrations.repository()));
	}

	/**
	 * The clock and clock skew of both flows. Its refresh token lifetime is the Org refresh
	 * tokens'; the Permission Access Token flow applies the 7 days of its own refresh tokens with
	 * {@link TokenExpiry#withRefreshTokenLifetime}.
	 */
	@Bean
	@ConditionalOnMissingBean
	TokenExpiry coboTokenExpiry(CoboProperties properties) {
		Duration clockSkew = properties.getToken().getClockSkew();
		return new TokenExpiry(Clock.systemUTC(), clockSkew, ORG_REFRESH_TOKEN_LIFETIME);
	}

	@Bean
	@ConditionalOnMissingBean
	CoboTokenRetry coboTokenRetry(CoboProperties properties) {
		CoboProperties.Retry retry = properties.getToken().getRetry();
		return new CoboTokenRetry(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenFlights coboTokenFlights() {
		return new TokenFlights();
	}

}
