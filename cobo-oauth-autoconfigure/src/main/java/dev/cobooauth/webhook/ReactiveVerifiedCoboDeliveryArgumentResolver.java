package dev.cobooauth.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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
 * the starter's exception handler answers with its status and problem.
 * <p>
 * A verifier that remembers deliveries in a database blocks on it; given an executor, the
 * verification (and the handler after it) runs there, never on an event loop.
 * {@link ReactiveCoboEventOnceResolver} extends it for {@link CoboEvent} parameters.
 */
class ReactiveVerifiedCoboDeliveryArgumentResolver extends VerifiedDeliveries
		implements HandlerMethodArgumentResolver, WebFluxConfigurer {

	private static final byte[] NO_BODY = new byte[0];

	private final @Nullable Scheduler verification;

	/**
	 * @param verifier verifies each delivery
	 * @param reader turns it into the declared type
	 * @param maxBodySize the longest body read, in bytes
	 * @param blockingVerification where to verify when the verifier blocks, or {@code null} to verify
	 * on the thread the body arrived on
	 */
	ReactiveVerifiedCoboDeliveryArgumentResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
			int maxBodySize, @Nullable Executor blockingVerification) {
		super(verifier, reader, maxBodySize);
		this.verification = (blockingVerification != null) ? Schedulers.fromExecutor(blockingVerification) : null;
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		Mono<byte[]> body = DataBufferUtils.join(request.getBody(), maxBodySize())
			.map(ReactiveVerifiedCoboDeliveryArgumentResolver::bytesOf)
			.defaultIfEmpty(NO_BODY)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> tooLarge(maxBodySize()));
		return ((this.verification != null) ? body.publishOn(this.verification) : body)
			.map((bytes) -> value(parameter, exchange, bytes));
	}

	/**
	 * @param parameter the handler's parameter
	 * @param exchange the delivery
	 * @param body the exact bytes received
	 * @return the parameter's value, computed where the verification runs
	 */
	Object value(MethodParameter parameter, ServerWebExchange exchange, byte[] body) {
		return read(parameter, exchange.getRequest().getHeaders(), body);
	}

	/** @return where blocking work runs, or {@code null} when nothing blocks */
	@Nullable Scheduler blocking() {
		return this.verification;
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
