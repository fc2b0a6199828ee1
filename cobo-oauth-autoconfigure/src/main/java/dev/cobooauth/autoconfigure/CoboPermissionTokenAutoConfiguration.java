package dev.cobooauth.autoconfigure;

import java.time.Duration;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.oauth2.CoboTokenStore;
import dev.cobooauth.oauth2.ReactiveCoboPermissionTokens;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenFlights;
import dev.cobooauth.oauth2.TokenOutcomes;
import dev.cobooauth.oauth2.CoboTokenRetry;
import dev.cobooauth.oauth2.CoboTokenObservations;
import dev.cobooauth.signing.CoboRequestSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Permission Access Tokens for an organization's own backend (Cobo Auth, {@code cobo.api-key.*}):
 * {@code coboPermissionTokens} and {@code coboReactivePermissionTokens} hand a front end a valid
 * token of {@code cobo.permission-token.permission-type}, exchanged with the API key's signature
 * and refreshed when due. The token lives in the starter's token store beside any Org Access
 * Tokens ({@link CoboTokenStoreConfiguration}); the registration, providers and managers are never
 * published with a Spring Security type.
 */
@AutoConfiguration(after = { CoboSigningAutoConfiguration.class, CoboApiKeyClientsAutoConfiguration.class },
		afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass(OAuth2AuthorizedClient.class)
@ConditionalOnBean(name = CoboSigningAutoConfiguration.API_KEY_SIGNER)
@Import({ CoboTokenStoreConfiguration.class, CoboTokenTelemetryConfiguration.class })
public class CoboPermissionTokenAutoConfiguration {

	/** How long Cobo's Permission refresh tokens live. */
	static final Duration PERMISSION_REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);

	private static TokenExpiry permissionExpiry(TokenExpiry expiry) {
		return expiry.withRefreshTokenLifetime(PERMISSION_REFRESH_TOKEN_LIFETIME);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboPermissionTokens coboPermissionTokens(CoboClientRegistrations registrations, CoboTokenStore store,
				TokenExpiry expiry, TokenFlights flights, CoboTokenRetry retry, CoboProperties properties,
				CoboEndpoint endpoint,
				@Qualifier(CoboApiKeyClientsAutoConfiguration.API_KEY_REQUEST_SIGNER) CoboRequestSigner signer,
				CoboTokenObservations observations, TokenOutcomes outcomes, ObjectProvider<RestClient.Builder> builder) {
			RestClient tokenClient = ServletTokenAssembly.tokenClient(builder.getIfAvailable(RestClient::builder).clone(),
					new TokenHttpClients(properties.getToken()), endpoint, signer);
			return new ServletTokenAssembly(tokenClient, retry, registrations, store, flights,
					properties.getToken().getAcquireTimeout(), observations, outcomes)
				.permissionTokens(permissionExpiry(expiry), new CoboPropertiesMapper(properties).permissionType());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoboPermissionTokens coboReactivePermissionTokens(CoboClientRegistrations registrations,
				CoboTokenStore store, TokenExpiry expiry, TokenFlights flights, CoboTokenRetry retry,
				CoboProperties properties, CoboEndpoint endpoint,
				@Qualifier(CoboApiKeyClientsAutoConfiguration.API_KEY_REQUEST_SIGNER) CoboRequestSigner signer,
				CoboTokenObservations observations, TokenOutcomes outcomes, ObjectProvider<WebClient.Builder> builder) {
			WebClient tokenClient = ReactiveTokenAssembly.tokenClient(builder.getIfAvailable(WebClient::builder).clone(),
					new TokenHttpClients(properties.getToken()), endpoint, signer);
			return new ReactiveTokenAssembly(tokenClient, retry, registrations, store, flights,
					properties.getToken().getAcquireTimeout(), observations, outcomes)
				.permissionTokens(permissionExpiry(expiry), new CoboPropertiesMapper(properties).permissionType());
		}

	}

}
