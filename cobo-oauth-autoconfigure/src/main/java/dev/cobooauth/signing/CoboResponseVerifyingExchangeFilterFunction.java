package dev.cobooauth.signing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Verifies Cobo's signature on each response of a {@code WebClient} before anything reads it.
 * The body is gathered, checked, and handed on from memory; a response that fails the check
 * becomes a {@link dev.cobooauth.signing.CoboResponseSignatureException} error signal instead. No
 * more than {@link CoboResponseVerifier#maxBodySize()} bytes are ever gathered: a longer body fails
 * the call, the rest of it is not read.
 */
final class CoboResponseVerifyingExchangeFilterFunction implements ExchangeFilterFunction {

	private final CoboResponseVerifier verifier;

	/**
	 * @param verifier holds the Cobo public key responses must be signed with
	 */
	public CoboResponseVerifyingExchangeFilterFunction(CoboResponseVerifier verifier) {
		if (verifier == null) {
			throw new IllegalArgumentException("verifier cannot be null");
		}
		this.verifier = verifier;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).flatMap((response) -> DataBufferUtils
			.join(response.bodyToFlux(DataBuffer.class), this.verifier.maxBodySize())
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> this.verifier.tooLarge(request.method(), request.url(), response.statusCode()))
			.map(DataBuffers::drain)
			.defaultIfEmpty(DataBuffers.NO_BODY)
			.map((body) -> {
				this.verifier.verify(request.method(), request.url(), response.statusCode(),
						response.headers().asHttpHeaders(), body);
				// The transforming body(...) leaves the consumed original alone; body(Flux) would
				// release it again and Reactor would log the dropped error at ERROR.
				return response.mutate()
					.body((consumed) -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
					.build();
			}));
	}

}
