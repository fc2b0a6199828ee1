package dev.cobooauth.webhook;

import java.time.Duration;
import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Builds the server side of Cobo's webhooks and callbacks, for the code that assembles an
 * application: the starter's auto-configuration ({@code dev.cobooauth.autoconfigure}), or an
 * application without Spring Boot, which declares each result as a bean. What each method builds is
 * package-private and may change; the methods say what it does. The Spring MVC methods need Spring
 * MVC, the {@code reactive…} ones WebFlux: call only those of the application's stack.
 * <p>
 * Refused deliveries are thrown as {@link dev.cobooauth.signing.CoboDeliveryVerificationException},
 * which carries the answer the sender gets; answer it with an {@code @ExceptionHandler} of your own
 * (the auto-configuration declares one). The deliveries of {@link CoboEvent}s that are not run are
 * answered by {@link #eventAnswers()}.
 */
public final class CoboWebhookServer {

	private CoboWebhookServer() {
	}

	/**
	 * The Spring MVC resolver of {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameters.
	 * @param verifier verifies each delivery
	 * @param json maps a body to the type a parameter declares, e.g. the application's
	 * {@code JsonMapper}
	 * @param maxBodySize the longest body read, in bytes
	 * @return the configurer that adds the resolver
	 */
	public static WebMvcConfigurer deliveryResolver(CoboDeliveryVerifier verifier, JsonMapper json, int maxBodySize) {
		return ServletWebhooks.deliveryResolver(verifier, json, maxBodySize);
	}

	/**
	 * The Spring MVC resolver of {@code @VerifiedCoboDelivery CoboEvent} parameters, whose handler it
	 * runs once per {@code event_id}; it goes before {@link #deliveryResolver}. Its answers need
	 * {@link #eventAnswers()}.
	 * @param verifier verifies each delivery
	 * @param json reads the event
	 * @param maxBodySize the longest body read, in bytes
	 * @param events the memory of handled events
	 * @return the configurer that adds the resolver and its interceptor
	 */
	public static WebMvcConfigurer eventResolver(CoboDeliveryVerifier verifier, JsonMapper json, int maxBodySize,
			HandledCoboEvents events) {
		return ServletWebhooks.eventResolver(verifier, json, maxBodySize, events);
	}

	/**
	 * For Spring MVC when deliveries are not verified: refuses every
	 * {@code @VerifiedCoboDelivery} parameter with {@code 503}, so that no such parameter is ever bound
	 * unverified, and warns at startup of each handler that takes one.
	 * @return the configurer that adds the refusal
	 */
	public static WebMvcConfigurer deliveryGuard() {
		return ServletWebhooks.deliveryGuard();
	}

	/**
	 * The Spring MVC endpoint of Cobo's transaction-approval callbacks, answering {@code ok} or
	 * {@code deny} as the handler decides, failing closed.
	 * @param path where Cobo sends the callbacks
	 * @param verifier verifies each callback
	 * @param handler decides
	 * @param timeout how long the handler is waited for
	 * @param maxBodySize the longest body read, in bytes
	 * @param executor where the handler runs
	 * @return the route of {@code POST path}
	 */
	public static org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> approvalCallback(
			String path, CoboDeliveryVerifier verifier, CoboApprovalHandler handler, Duration timeout, int maxBodySize,
			Executor executor) {
		return ServletWebhooks.approvalCallback(path, verifier, handler, timeout, maxBodySize, executor);
	}

	/**
	 * The WebFlux resolver of {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameters.
	 * @param verifier verifies each delivery
	 * @param json maps a body to the type a parameter declares
	 * @param maxBodySize the longest body read, in bytes
	 * @param blocking where to verify when the verifier blocks (deliveries remembered in a database),
	 * or {@code null} to verify on the thread the body arrived on
	 * @return the configurer that adds the resolver
	 */
	public static WebFluxConfigurer reactiveDeliveryResolver(CoboDeliveryVerifier verifier, JsonMapper json,
			int maxBodySize, @Nullable Executor blocking) {
		return ReactiveWebhooks.deliveryResolver(verifier, json, maxBodySize, blocking);
	}

	/**
	 * The WebFlux resolver of {@code @VerifiedCoboDelivery CoboEvent} parameters, whose handler it runs
	 * once per {@code event_id}; it goes before {@link #reactiveDeliveryResolver}. It needs
	 * {@link #reactiveEventFilter} and {@link #eventAnswers()} beside it.
	 * @param verifier verifies each delivery
	 * @param json reads the event
	 * @param maxBodySize the longest body read, in bytes
	 * @param events the memory of handled events
	 * @param blocking where to verify, claim and record when they block, or {@code null} when nothing
	 * blocks
	 * @return the configurer that adds the resolver
	 */
	public static WebFluxConfigurer reactiveEventResolver(CoboDeliveryVerifier verifier, JsonMapper json,
			int maxBodySize, HandledCoboEvents events, @Nullable Executor blocking) {
		return ReactiveWebhooks.eventResolver(verifier, json, maxBodySize, events, blocking);
	}

	/**
	 * The filter that, when an exchange ends, records as handled the event the resolver claimed for it
	 * (a 2XX answer) or releases it (anything else), as Spring MVC's interceptor does.
	 * @param eventResolver what {@link #reactiveEventResolver} returned
	 * @return the filter
	 * @throws IllegalArgumentException if {@code eventResolver} did not come from
	 * {@link #reactiveEventResolver}
	 */
	public static WebFilter reactiveEventFilter(WebFluxConfigurer eventResolver) {
		return ReactiveWebhooks.eventFilter(eventResolver);
	}

	/**
	 * For WebFlux when deliveries are not verified: refuses every {@code @VerifiedCoboDelivery}
	 * parameter with {@code 503}, and warns at startup of each handler that takes one.
	 * @return the configurer that adds the refusal
	 */
	public static WebFluxConfigurer reactiveDeliveryGuard() {
		return ReactiveWebhooks.deliveryGuard();
	}

	/**
	 * The WebFlux endpoint of Cobo's transaction-approval callbacks; nothing that blocks runs on an
	 * event loop.
	 * @param path where Cobo sends the callbacks
	 * @param verifier verifies each callback
	 * @param handler decides
	 * @param timeout how long the handler is waited for
	 * @param maxBodySize the longest body read, in bytes
	 * @param executor where the verification and the handler run
	 * @return the route of {@code POST path}
	 */
	public static org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> reactiveApprovalCallback(
			String path, CoboDeliveryVerifier verifier, CoboApprovalHandler handler, Duration timeout, int maxBodySize,
			Executor executor) {
		return ReactiveWebhooks.approvalCallback(path, verifier, handler, timeout, maxBodySize, executor);
	}

	/**
	 * The answers to deliveries of events that the event resolvers do not run, on Spring MVC and
	 * WebFlux alike.
	 * @return the advice, to declare as a bean of its type
	 */
	public static EventAnswers eventAnswers() {
		return new EventAnswers();
	}

	/**
	 * A {@code @ControllerAdvice} (first among them) that answers a delivery of an event already handled
	 * with {@code 200 ok}, so that Cobo stops delivering it, and one whose handler is running for
	 * another delivery with {@code 503} and {@code Retry-After}, so that Cobo delivers it again. It has
	 * nothing to call: declare it as a bean, of this type, for Spring to find it.
	 */
	public static final class EventAnswers extends CoboEventAnswers {

		private EventAnswers() {
		}

	}

}
