package dev.cobooauth.signing;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Turns a 3xx answer into a {@link CoboRedirectException} error signal, its body released unread,
 * so that a redirect the connector did not follow is never taken for Cobo's answer.
 */
final class RedirectRefusingExchangeFilterFunction implements ExchangeFilterFunction {

	static final RedirectRefusingExchangeFilterFunction INSTANCE = new RedirectRefusingExchangeFilterFunction();

	private RedirectRefusingExchangeFilterFunction() {
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).flatMap((response) -> {
			if (!response.statusCode().is3xxRedirection()) {
				return Mono.just(response);
			}
			CoboRedirectException refused = new CoboRedirectException(request.method(), request.url(),
					response.statusCode());
			return response.releaseBody().onErrorComplete().then(Mono.error(refused));
		});
	}

}
