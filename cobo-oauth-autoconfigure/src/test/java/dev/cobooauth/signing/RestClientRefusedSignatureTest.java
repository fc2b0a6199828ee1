package dev.cobooauth.signing;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Refused signatures through a {@code RestClient} built with {@link CoboRestClientConfigurer}.
 */
class RestClientRefusedSignatureTest extends RefusedSignatureContract {

	@Override
	protected String call(CoboEndpoint endpoint, CoboSigner signer, HttpMethod method, String body) {
		RestClient client = RestClient.builder().apply(CoboRestClientConfigurer.forApiKey(endpoint, signer)).build();
		RestClient.RequestBodySpec request = client.method(method).uri("/transactions/transfer");
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		String answer = request.retrieve().body(String.class);
		return (answer != null) ? answer : "";
	}

	@Override
	protected int statusOf(Throwable failure) {
		return ((RestClientResponseException) failure).getStatusCode().value();
	}

}
