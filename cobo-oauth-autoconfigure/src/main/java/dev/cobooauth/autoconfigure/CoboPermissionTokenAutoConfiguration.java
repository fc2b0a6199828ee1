package dev.cobooauth.autoconfigure;

import java.time.Duration;

import dev.cobooauth.http.CoboEndpoint;
import dev.cobooauth.http.client.CoboRestClientConfigurer;
import dev.cobooauth.http.reactive.CoboWebClientConfigurer;
import dev.cobooauth.oauth2.client.CoboClientRegistrations;
import dev.cobooauth.oauth2.client.CoboPermissionTokens;
import dev.cobooauth.oauth2.client.CoboTokenStore;
import dev.cobooauth.oauth2.client.ReactiveCoboPermissionTokens;
import dev.cobooauth.oauth2.client.TokenExpiry;
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
@Import(CoboTokenStoreConfiguration.class)
public class CoboPermissionTokenAutoConfiguration {

	/** How long Cobo's Permission refresh tokens live. */
	static final Duration PERMISSION_REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboPermissionTokens coboPermissionTokens(CoboClientRegistrations registrations, CoboTokenStore store,
				TokenExpiry expiry, CoboProperties properties, CoboEndpoint endpoint,
				@Qualifier(CoboApiKeyClientsAutoConfiguration.API_KEY_REQUEST_SIGNER) CoboRequestSigner signer,
				ObjectProvider<RestClient.Builder> builder) {
			RestClient tokenClient = builder.getIfAvailable(RestClient::builder)
				.apply(new CoboRestClientConfigurer(endpoint, signer))
				.build();
			return ServletPermissionTokenAssembly.assemble(registrations, store, expiry,
					new CoboPropertiesMapper(properties).permissionType(), tokenClient);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoboPermissionTokens coboReactivePermissionTokens(CoboClientRegistrations registrations,
				CoboTokenStore store, TokenExpiry expiry, CoboProperties properties, CoboEndpoint endpoint,
				@Qualifier(CoboApiKeyClientsAutoConfiguration.API_KEY_REQUEST_SIGNER) CoboRequestSigner signer,
				ObjectProvider<WebClient.Builder> builder) {
			WebClient tokenClient = builder.getIfAvailable(WebClient::builder)
				.apply(new CoboWebClientConfigurer(endpoint, signer))
				.build();
			return ReactivePermissionTokenAssembly.assemble(registrations, store, expiry,
					new CoboPropertiesMapper(properties).permissionType(), tokenClient);
		}

	}

}
