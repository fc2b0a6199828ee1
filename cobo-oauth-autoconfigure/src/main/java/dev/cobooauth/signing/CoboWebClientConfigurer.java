package dev.cobooauth.signing;

import java.util.function.Consumer;


import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes a {@link WebClient.Builder} talk to Cobo: sets the base URL and adds, in this order, an
 * optional authorization filter (the Org Access Token), response verification and request
 * signing, so that signing sees the bytes as they go on the wire and verification happens before
 * anyone reads a response. Apply it with {@code WebClient.builder().apply(configurer)}.
 */
public final class CoboWebClientConfigurer implements Consumer<WebClient.Builder> {

	private final CoboEndpoint endpoint;

	private final CoboRequestSigner signer;

	private final ExchangeFilterFunction authorization;

	/**
	 * A configurer that signs without adding any bearer token (Cobo Auth with an API key).
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param signer the key requests are signed with
	 */
	public CoboWebClientConfigurer(CoboEndpoint endpoint, CoboRequestSigner signer) {
		this(endpoint, signer, null);
	}

	/**
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param signer the key requests are signed with
	 * @param authorization adds the Org Access Token; {@code null} for none
	 */
	public CoboWebClientConfigurer(CoboEndpoint endpoint, CoboRequestSigner signer,
			ExchangeFilterFunction authorization) {
		if (endpoint == null) {
			throw new IllegalArgumentException("endpoint cannot be null");
		}
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		this.endpoint = endpoint;
		this.signer = signer;
		this.authorization = authorization;
	}

	@Override
	public void accept(WebClient.Builder builder) {
		builder.baseUrl(this.endpoint.baseUrl().toString());
		builder.filters((filters) -> {
			if (this.authorization != null) {
				filters.add(this.authorization);
			}
			this.endpoint.responseVerifier()
				.ifPresent((verifier) -> filters.add(new CoboResponseVerifyingExchangeFilterFunction(verifier)));
			filters.add(new CoboSigningExchangeFilterFunction(this.signer));
		});
	}

}
