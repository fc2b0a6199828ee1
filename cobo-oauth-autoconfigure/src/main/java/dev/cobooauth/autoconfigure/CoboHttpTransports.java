package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CoboEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP clients of Cobo's {@code RestClient}s and {@code WebClient}s: the ones Spring Boot would
 * pick, with the application's {@code spring.http.clients.*} settings, except that they never
 * follow a redirect. Boot's own follow redirects by default, and a followed redirect carries the
 * request's signature and bearer token to wherever the {@code Location} points.
 */
interface CoboHttpTransports {

	/**
	 * @param endpoint gets the request factory or connector
	 */
	void applyTo(CoboEndpoint.Builder endpoint);

	/** The request factory of Cobo's {@code RestClient}s. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
	class Imperative {

		@Bean
		CoboHttpTransports coboRequestFactory(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder,
				ObjectProvider<HttpClientSettings> settings) {
			ClientHttpRequestFactory requestFactory = builder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect)
				.build(settings.getIfAvailable(HttpClientSettings::defaults).withRedirects(HttpRedirects.DONT_FOLLOW));
			return (endpoint) -> endpoint.requestFactory(requestFactory);
		}

	}

	/** The connector of Cobo's {@code WebClient}s. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, ClientHttpConnectorBuilder.class })
	class Reactive {

		@Bean
		CoboHttpTransports coboConnector(ObjectProvider<ClientHttpConnectorBuilder<?>> builder,
				ObjectProvider<HttpClientSettings> settings) {
			ClientHttpConnector connector = builder.getIfAvailable(ClientHttpConnectorBuilder::detect)
				.build(settings.getIfAvailable(HttpClientSettings::defaults).withRedirects(HttpRedirects.DONT_FOLLOW));
			return (endpoint) -> endpoint.connector(connector);
		}

	}

}
