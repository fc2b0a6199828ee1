package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CoboWebClientConfigurer;

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
		afterName = { OptionalBootAutoConfigurations.REST_CLIENT, OptionalBootAutoConfigurations.WEB_CLIENT })
@ConditionalOnBean(name = CoboSigningAutoConfiguration.API_KEY_SIGNER)
public final class CoboApiKeyClientsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coboApiKeyRestClientConfigurer")
		CoboRestClientConfigurer coboApiKeyRestClientConfigurer(CoboEndpoint endpoint,
				@Qualifier(CoboSigningAutoConfiguration.API_KEY_SIGNER) CoboSigner apiKey) {
			return CoboRestClientConfigurer.forApiKey(endpoint, apiKey);
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
				@Qualifier(CoboSigningAutoConfiguration.API_KEY_SIGNER) CoboSigner apiKey) {
			return CoboWebClientConfigurer.forApiKey(endpoint, apiKey);
		}

		@Bean
		@ConditionalOnMissingBean(name = "coboApiKeyWebClient")
		WebClient coboApiKeyWebClient(ObjectProvider<WebClient.Builder> builder,
				@Qualifier("coboApiKeyWebClientConfigurer") CoboWebClientConfigurer configurer) {
			return builder.getIfAvailable(WebClient::builder).clone().apply(configurer).build();
		}

	}

}
