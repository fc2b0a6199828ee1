package dev.cobooauth.signing;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Refused signatures through a {@code WebClient} built with {@link CoboWebClientConfigurer}.
 */
class WebClientRefusedSignatureTest extends RefusedSignatureContract {

	@Override
	protected String call(CoboEndpoint endpoint, CoboSigner signer, HttpMethod method, String body) {
		WebClient client = WebClient.builder().apply(CoboWebClientConfigurer.forApiKey(endpoint, signer)).build();
		WebClient.RequestBodySpec request = client.method(method).uri("/transactions/transfer");
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
