package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSignatureMetrics;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboWebClientConfigurer;
import dev.cobooauth.signing.CoboRequestSigner;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.NonceSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients for an organization's own backend (Cobo Auth): every request signed with the API key
 * ({@code cobo.api-key.*}), no bearer token, every response verified. Present only when an API key
 * is configured or a {@code coboApiKeySigner} bean is given.
 */
@AutoConfiguration(after = CoboSigningAutoConfiguration.class,
		afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnBean(name = CoboSigningAutoConfiguration.API_KEY_SIGNER)
public class CoboApiKeyClientsAutoConfiguration {

	/** Name of the request signer that issues nonces for the API key. */
	public static final String API_KEY_REQUEST_SIGNER = "coboApiKeyRequestSigner";

	@Bean(API_KEY_REQUEST_SIGNER)
	@ConditionalOnMissingBean(name = API_KEY_REQUEST_SIGNER)
	CoboRequestSigner coboApiKeyRequestSigner(@Qualifier(CoboSigningAutoConfiguration.API_KEY_SIGNER) CoboSigner signer,
			ObjectProvider<CoboSignatureMetrics> metrics) {
		return new CoboRequestSigner(MeteredCoboSigner.of(signer, CoboSignatureMetrics.API_KEY, metrics.getIfAvailable()),
				new NonceSource());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboApiKeyRestClientConfigurer")
		CoboRestClientConfigurer coboApiKeyRestClientConfigurer(CoboEndpoint endpoint,
				@Qualifier(API_KEY_REQUEST_SIGNER) CoboRequestSigner signer) {
			return new CoboRestClientConfigurer(endpoint, signer);
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboApiKeyRestClient")
		RestClient coboApiKeyRestClient(ObjectProvider<RestClient.Builder> builder,
				@Qualifier("coboApiKeyRestClientConfigurer") CoboRestClientConfigurer configurer) {
			return builder.getIfAvailable(RestClient::builder).clone().apply(configurer).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboApiKeyWebClientConfigurer")
		CoboWebClientConfigurer coboApiKeyWebClientConfigurer(CoboEndpoint endpoint,
				@Qualifier(API_KEY_REQUEST_SIGNER) CoboRequestSigner signer) {
			return new CoboWebClientConfigurer(endpoint, signer);
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboApiKeyWebClient")
		WebClient coboApiKeyWebClient(ObjectProvider<WebClient.Builder> builder,
				@Qualifier("coboApiKeyWebClientConfigurer") CoboWebClientConfigurer configurer) {
			return builder.getIfAvailable(WebClient::builder).clone().apply(configurer).build();
		}

	}

}
