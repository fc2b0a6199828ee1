package dev.cobooauth.webhook;

import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter on Spring WebFlux: joins
 * the raw body (at most the size limit), verifies it with the request's headers, and only then
 * hands it to the handler as the declared type. A refusal is a
 * {@link CoboDeliveryVerificationException}, which
 * {@link dev.cobooauth.webhook.CoboDeliveryExceptionHandler} answers.
 */
final class ReactiveVerifiedCoboDeliveryArgumentResolver implements HandlerMethodArgumentResolver {

	private static final byte[] NO_BODY = new byte[0];

	private final CoboDeliveryVerifier verifier;

	private final CoboDeliveryReader reader;

	private final int maxBodySize;

	/**
	 * @param verifier verifies each delivery
	 * @param reader turns it into the declared type
	 * @param maxBodySize the longest body read, in bytes
	 */
	public ReactiveVerifiedCoboDeliveryArgumentResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader,
			int maxBodySize) {
		if (verifier == null || reader == null) {
			throw new IllegalArgumentException("verifier and reader cannot be null");
		}
		if (maxBodySize < 1) {
			throw new IllegalArgumentException("maxBodySize must be positive");
		}
		this.verifier = verifier;
		this.reader = reader;
		this.maxBodySize = maxBodySize;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(VerifiedCoboDelivery.class);
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		return DataBufferUtils.join(request.getBody(), this.maxBodySize)
			.map(ReactiveVerifiedCoboDeliveryArgumentResolver::drain)
			.defaultIfEmpty(NO_BODY)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.TOO_LARGE))
			.map((body) -> this.reader.read(this.verifier.verify(request.getHeaders(), body),
					parameter.getGenericParameterType()));
	}

	private static byte[] drain(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
