package dev.cobooauth.webhook;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Resolves a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} {@link CoboEvent} parameter on Spring
 * WebFlux and runs its handler once per {@code event_id}, as {@link CoboEventOnceResolver} does on
 * Spring MVC and with the same decision ({@link CoboEventOnce}): once the delivery is verified, the
 * event is claimed in {@link HandledCoboEvents} before the handler is called; when the exchange ends,
 * the event is recorded as handled if the answer was 2XX, and released, recording nothing, if the
 * handler failed or the answer was anything else, so that Cobo's next delivery runs the handler again.
 * <p>
 * WebFlux has no counterpart of MVC's {@code HandlerInterceptor#afterCompletion}. A {@link WebFilter}
 * is the simplest hook that sees both ends: the status the answer was written with, whether the
 * handler's own result or an {@code @ExceptionHandler}'s, and an error no {@code @ExceptionHandler}
 * answered (which the {@code WebExceptionHandler}s turn into a 5XX after it). A
 * {@code HandlerResultHandler} would miss the errors, a {@code WebExceptionHandler} the successes. The
 * filter ({@link #endings()}, a bean of its own) acts only on exchanges whose event this resolver
 * claimed.
 * <p>
 * When the events are kept in a database, claiming and recording block: they run where the
 * verification does (the application's executor), never on an event loop. It goes before the
 * general resolver of {@code @VerifiedCoboDelivery} parameters, which would take the event as any
 * other JSON type.
 */
final class ReactiveCoboEventOnceResolver extends ReactiveVerifiedCoboDeliveryArgumentResolver implements Ordered {

	private static final String CLAIMED = ReactiveCoboEventOnceResolver.class.getName() + ".claimed";

	private final CoboEventOnce once;

	/**
	 * @param verifier verifies each delivery
	 * @param reader turns it into a {@link CoboEvent}
	 * @param maxBodySize the longest body read, in bytes
	 * @param events the memory of handled events
	 * @param blocking where to verify, claim and record when they block, or {@code null} when nothing
	 * blocks
	 */
	ReactiveCoboEventOnceResolver(CoboDeliveryVerifier verifier, CoboDeliveryReader reader, int maxBodySize,
			HandledCoboEvents events, @Nullable Executor blocking) {
		super(verifier, reader, maxBodySize, blocking);
		this.once = new CoboEventOnce(events);
	}

	/** First among the WebFlux configurers, so that its resolver comes before the general one. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return super.supportsParameter(parameter) && parameter.getParameterType() == CoboEvent.class;
	}

	@Override
	Object value(MethodParameter parameter, ServerWebExchange exchange, byte[] body) {
		CoboEvent event = (CoboEvent) super.value(parameter, exchange, body);
		this.once.claim(event.eventId());
		exchange.getAttributes().put(CLAIMED, event.eventId());
		return event;
	}

	/** The filter that ends, with its exchange, what this resolver began; first among the filters. */
	WebFilter endings() {
		return new Endings();
	}

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume((failure) -> ended(exchange, failure).then(Mono.error(failure)))
			.then(Mono.defer(() -> ended(exchange, null)))
			.doOnCancel(() -> ended(exchange, new CancellationException("The exchange was cancelled")).subscribe());
	}

	private Mono<Void> ended(ServerWebExchange exchange, @Nullable Throwable failure) {
		Object eventId = exchange.getAttributes().remove(CLAIMED);
		if (eventId == null) {
			return Mono.empty();
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		int answered = (status != null) ? status.value() : ((failure != null) ? 500 : 200);
		Mono<Void> record = Mono.fromRunnable(() -> this.once.ended((String) eventId, answered, failure));
		Scheduler blocking = blocking();
		return (blocking != null) ? record.subscribeOn(blocking) : record;
	}

	private final class Endings implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return ReactiveCoboEventOnceResolver.this.filter(exchange, chain);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
