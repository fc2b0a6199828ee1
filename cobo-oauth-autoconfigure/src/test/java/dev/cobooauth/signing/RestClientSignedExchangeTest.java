package dev.cobooauth.signing;

import java.net.URI;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * The wire contract through a {@link RestClient} built with {@link CoboRestClientConfigurer}.
 */
class RestClientSignedExchangeTest extends SignedExchangeContract {

	@Override
	protected String call(CoboEndpoint endpoint, CoboSigner signer, HttpMethod method,
			Function<UriBuilder, URI> uri, String body) {
		RestClient client = RestClient.builder().apply(CoboRestClientConfigurer.forApiKey(endpoint, signer)).build();
		RestClient.RequestBodySpec request = client.method(method).uri(uri);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().body(String.class);
	}

	@Override
	protected int statusOf(Throwable failure) {
		return ((RestClientResponseException) failure).getStatusCode().value();
	}

}
