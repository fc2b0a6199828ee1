package dev.cobooauth.signing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The {@code WebClient} twin of {@link RefusedSignatureRetryingInterceptor}: a request whose
 * signature Cobo refused was not processed, and goes once more through verification and signing,
 * which signs it afresh as its body is written.
 */
final class RefusedSignatureRetryingExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(RefusedSignatureRetryingExchangeFilterFunction.class);

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).flatMap((response) -> {
			int status = response.statusCode().value();
			if (!RefusedSignatures.mayBe(status)) {
				return Mono.just(response);
			}
			return response.bodyToMono(byte[].class).defaultIfEmpty(DataBuffers.NO_BODY).flatMap((body) -> {
				if (!RefusedSignatures.isRefusedSignature(status, body)) {
					return Mono.just(response.mutate()
						.body((consumed) -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
						.build());
				}
				logger.debug(RefusedSignatures.describeResend(request.method(), request.url()));
				return next.exchange(request);
			});
		});
	}

}
