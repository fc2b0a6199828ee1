package dev.cobooauth.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter on Spring WebFlux: joins
 * the raw body (at most the size limit), verifies it with the request's headers, and only then
 * hands it to the handler as the declared type. A refusal is a
 * {@link CoboDeliveryVerificationException}, which
 * {@link dev.cobooauth.webhook.CoboDeliveryExceptionHandler} answers.
 */
final class ReactiveVerifiedCoboDeliveryArgumentResolver extends VerifiedDeliveries
		implements HandlerMethodArgumentResolver, WebFluxConfigurer {

	private static final byte[] NO_BODY = new byte[0];

	ReactiveVerifiedCoboDeliveryArgumentResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
			int maxBodySize) {
		super(verifier, reader, maxBodySize);
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return DataBufferUtils.join(request.getBody(), maxBodySize())
			.map(ReactiveVerifiedCoboDeliveryArgumentResolver::bytesOf)
			.defaultIfEmpty(NO_BODY)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.TOO_LARGE))
			.map((body) -> read(parameter, request.getHeaders(), body));
	}

	private static byte[] bytesOf(DataBuffer joined) {
		try (InputStream in = joined.asInputStream(true)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
