package dev.cobooauth.signing;

import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Signs each request of a {@code WebClient} with one Cobo key. A filter sees the body only as a
 * {@link BodyInserter}, so this one puts the URI's query in canonical form and wraps the inserter:
 * the serialized body is signed at the moment its bytes are written to the connection
 * ({@link SigningClientHttpRequest}).
 * <p>
 * Register it last, so that no later filter changes what was signed.
 */
final class CoboSigningExchangeFilterFunction implements ExchangeFilterFunction {

	private final CoboRequestSigner signer;

	/**
	 * @param signer signs with the app key or the API key
	 */
	public CoboSigningExchangeFilterFunction(CoboRequestSigner signer) {
		if (signer == null) {
			throw new IllegalArgumentException("signer cannot be null");
		}
		this.signer = signer;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		BodyInserter<?, ? super ClientHttpRequest> body = request.body();
		ClientRequest signed = ClientRequest.from(request)
			.url(CanonicalUri.of(request.url()))
			.body((outputMessage, context) -> body.insert(new SigningClientHttpRequest(outputMessage, this.signer),
					context))
			.build();
		return next.exchange(signed);
	}

}
