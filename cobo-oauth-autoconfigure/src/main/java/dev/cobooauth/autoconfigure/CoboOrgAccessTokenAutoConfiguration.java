package dev.cobooauth.autoconfigure;

import java.time.Duration;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSignatureMetrics;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboWebClientConfigurer;
import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboTokenStore;
import dev.cobooauth.oauth2.OrgTokenWarmUp;
import dev.cobooauth.oauth2.ProactiveOrgTokenRefresh;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenFlights;
import dev.cobooauth.oauth2.TokenOutcomes;
import dev.cobooauth.oauth2.CoboTokenRetry;
import dev.cobooauth.oauth2.CoboTokenObservations;
import dev.cobooauth.oauth2.CoboOrgResolver;
import dev.cobooauth.oauth2.CoboOrgAccessTokenInterceptor;
import dev.cobooauth.oauth2.CoboOrgAccessTokenExchangeFilterFunction;
import dev.cobooauth.oauth2.CoboRestClientHttpServiceGroupConfigurer;
import dev.cobooauth.oauth2.CoboWebClientHttpServiceGroupConfigurer;
import dev.cobooauth.signing.CoboRequestSigner;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.NonceSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Org Access Tokens for a Cobo Portal App ({@code cobo.app.*}): the starter's own registration,
 * token store (shared with Permission Access Tokens, see {@link CoboTokenStoreConfiguration}) and
 * authorized-client managers, and the {@code coboRestClient} and {@code coboWebClient} that call
 * WaaS with each org's token. Nothing here is published with a
 * Spring Security type that Spring Security would pick up for the application's own OAuth2 setup.
 */
@AutoConfiguration(after = CoboSigningAutoConfiguration.class,
		afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass(OAuth2AuthorizedClient.class)
@ConditionalOnBean(name = CoboSigningAutoConfiguration.APP_KEY_SIGNER)
@Import({ CoboTokenStoreConfiguration.class, CoboTokenTelemetryConfiguration.class })
public class CoboOrgAccessTokenAutoConfiguration {

	/** Name of the request signer that issues nonces for the app key. */
	public static final String APP_REQUEST_SIGNER = "coboAppRequestSigner";

	@Bean(APP_REQUEST_SIGNER)
	@ConditionalOnMissingBean(name = APP_REQUEST_SIGNER)
	CoboRequestSigner coboAppRequestSigner(@Qualifier(CoboSigningAutoConfiguration.APP_KEY_SIGNER) CoboSigner signer,
			ObjectProvider<CoboSignatureMetrics> metrics) {
		return new CoboRequestSigner(MeteredCoboSigner.of(signer, CoboSignatureMetrics.APP_KEY, metrics.getIfAvailable()),
				new NonceSource());
	}

	@Bean
	@ConditionalOnMissingBean
	CoboOrgResolver coboOrgResolver(CoboProperties properties) {
		return new CoboOrgResolver(properties.getApp().getDefaultOrg());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboOrgAccessTokens coboOrgAccessTokens(CoboProperties properties, CoboClientRegistrations registrations,
				CoboTokenStore store, TokenExpiry expiry, TokenFlights flights, CoboTokenRetry retry,
				CoboEndpoint endpoint, @Qualifier(APP_REQUEST_SIGNER) CoboRequestSigner signer,
				CoboTokenObservations observations, TokenOutcomes outcomes, ObjectProvider<RestClient.Builder> builder) {
			RestClient tokenClient = ServletTokenAssembly.tokenClient(builder.getIfAvailable(RestClient::builder).clone(),
					new TokenHttpClients(properties.getToken()), endpoint, signer);
			return new ServletTokenAssembly(tokenClient, retry, registrations, store, flights,
					properties.getToken().getAcquireTimeout(), observations, outcomes)
				.orgAccessTokens(expiry);
		}

		@Bean
		@ConditionalOnMissingBean
		OrgTokenWarmUp coboOrgTokenWarmUp(CoboOrgAccessTokens tokens, CoboProperties properties) {
			return new OrgTokenWarmUp(tokens, properties.getApp().getOrgs(), properties.getApp().isFailFast());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty("cobo.token.proactive-refresh")
		ProactiveOrgTokenRefresh coboProactiveOrgTokenRefresh(CoboOrgAccessTokens tokens, CoboProperties properties) {
			Duration half = properties.getToken().getClockSkew().dividedBy(2);
			Duration interval = (half.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : half;
			return new ProactiveOrgTokenRefresh(tokens, properties.getApp().getOrgs(), interval);
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboRestClientConfigurer")
		CoboRestClientConfigurer coboRestClientConfigurer(CoboEndpoint endpoint,
				@Qualifier(APP_REQUEST_SIGNER) CoboRequestSigner signer, CoboOrgAccessTokens tokens,
				CoboOrgResolver orgs) {
			return new CoboRestClientConfigurer(endpoint, signer, new CoboOrgAccessTokenInterceptor(tokens, orgs));
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboRestClient")
		RestClient coboRestClient(ObjectProvider<RestClient.Builder> builder,
				@Qualifier("coboRestClientConfigurer") CoboRestClientConfigurer configurer) {
			return builder.getIfAvailable(RestClient::builder).clone().apply(configurer).build();
		}

		@Bean
		@ConditionalOnMissingBean
		CoboRestClientHttpServiceGroupConfigurer coboRestClientHttpServiceGroupConfigurer(
				@Qualifier("coboRestClientConfigurer") CoboRestClientConfigurer configurer) {
			return new CoboRestClientHttpServiceGroupConfigurer(configurer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoboOrgAccessTokens coboReactiveOrgAccessTokens(CoboProperties properties,
				CoboClientRegistrations registrations, CoboTokenStore store, TokenExpiry expiry, TokenFlights flights,
				CoboTokenRetry retry, CoboEndpoint endpoint, @Qualifier(APP_REQUEST_SIGNER) CoboRequestSigner signer,
				CoboTokenObservations observations, TokenOutcomes outcomes, ObjectProvider<WebClient.Builder> builder) {
			WebClient tokenClient = ReactiveTokenAssembly.tokenClient(builder.getIfAvailable(WebClient::builder).clone(),
					new TokenHttpClients(properties.getToken()), endpoint, signer);
			return new ReactiveTokenAssembly(tokenClient, retry, registrations, store, flights,
					properties.getToken().getAcquireTimeout(), observations, outcomes)
				.orgAccessTokens(expiry);
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboWebClientConfigurer")
		CoboWebClientConfigurer coboWebClientConfigurer(CoboEndpoint endpoint,
				@Qualifier(APP_REQUEST_SIGNER) CoboRequestSigner signer, ReactiveCoboOrgAccessTokens tokens,
				CoboOrgResolver orgs) {
			return new CoboWebClientConfigurer(endpoint, signer, new CoboOrgAccessTokenExchangeFilterFunction(tokens, orgs));
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboWebClient")
		WebClient coboWebClient(ObjectProvider<WebClient.Builder> builder,
				@Qualifier("coboWebClientConfigurer") CoboWebClientConfigurer configurer) {
			return builder.getIfAvailable(WebClient::builder).clone().apply(configurer).build();
		}

		@Bean
		@ConditionalOnMissingBean
		CoboWebClientHttpServiceGroupConfigurer coboWebClientHttpServiceGroupConfigurer(
				@Qualifier("coboWebClientConfigurer") CoboWebClientConfigurer configurer) {
			return new CoboWebClientHttpServiceGroupConfigurer(configurer);
		}

	}

}
