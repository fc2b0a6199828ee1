package dev.cobooauth.signing;

import java.net.URI;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * The wire contract through a {@link WebClient} built with {@link CoboWebClientConfigurer}: the body
 * is signed as the encoder writes it.
 */
class WebClientSignedExchangeTest extends SignedExchangeContract {

	@Override
	protected String call(CoboEndpoint endpoint, CoboSigner signer, HttpMethod method,
			Function<UriBuilder, URI> uri, String body) {
		WebClient client = WebClient.builder().apply(CoboWebClientConfigurer.forApiKey(endpoint, signer)).build();
		WebClient.RequestBodySpec request = client.method(method).uri(uri);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		return request.retrieve().bodyToMono(String.class).defaultIfEmpty("").block();
	}

	@Override
	protected int statusOf(Throwable failure) {
		return ((WebClientResponseException) failure).getStatusCode().value();
	}

}
