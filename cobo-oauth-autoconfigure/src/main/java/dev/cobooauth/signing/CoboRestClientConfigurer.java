package dev.cobooauth.signing;

import java.util.function.Consumer;


import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Makes a {@link RestClient.Builder} talk to Cobo: sets the base URL and adds, in this order, an
 * optional authorization interceptor (the Org Access Token), response verification and request
 * signing, so that signing sees the request exactly as it goes on the wire and verification
 * happens before anyone reads a response. Apply it with
 * {@code RestClient.builder().apply(configurer)}.
 */
public final class CoboRestClientConfigurer implements Consumer<RestClient.Builder> {

	private final CoboEndpoint endpoint;

	private final CoboRequestSigner signer;

	private final ClientHttpRequestInterceptor authorization;

	/**
	 * A configurer that signs without adding any bearer token (Cobo Auth with an API key).
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param signer the key requests are signed with
	 */
	public CoboRestClientConfigurer(CoboEndpoint endpoint, CoboRequestSigner signer) {
		this(endpoint, signer, null);
	}

	/**
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param signer the key requests are signed with
	 * @param authorization adds the Org Access Token; {@code null} for none
	 */
	public CoboRestClientConfigurer(CoboEndpoint endpoint, CoboRequestSigner signer,
			ClientHttpRequestInterceptor authorization) {
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
	public void accept(RestClient.Builder builder) {
		builder.baseUrl(this.endpoint.baseUrl().toString());
		builder.requestInterceptors((interceptors) -> {
			if (this.authorization != null) {
				interceptors.add(this.authorization);
			}
			this.endpoint.responseVerifier()
				.ifPresent((verifier) -> interceptors.add(new CoboResponseVerifyingInterceptor(verifier)));
			interceptors.add(new CoboSigningInterceptor(this.signer));
		});
	}

}
