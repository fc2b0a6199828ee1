package dev.cobooauth.webhook;

import java.time.Duration;
import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * The WebFlux parts {@link CoboWebhookServer} hands out, apart from it so that a Spring MVC-only
 * application never loads a class that names WebFlux's types.
 */
final class ReactiveWebhooks {

	private ReactiveWebhooks() {
	}

	static WebFluxConfigurer deliveryResolver(CoboDeliveryVerifier verifier, JsonMapper json, int maxBodySize,
			@Nullable Executor blocking) {
		return new ReactiveVerifiedCoboDeliveryArgumentResolver(verifier, new CoboDeliveryReader(json), maxBodySize,
				blocking);
	}

	static WebFluxConfigurer eventResolver(CoboDeliveryVerifier verifier, JsonMapper json, int maxBodySize,
			HandledCoboEvents events, @Nullable Executor blocking) {
		return new ReactiveCoboEventOnceResolver(verifier, new CoboDeliveryReader(json), maxBodySize, events,
				blocking);
	}

	static WebFilter eventFilter(WebFluxConfigurer eventResolver) {
		if (!(eventResolver instanceof ReactiveCoboEventOnceResolver resolver)) {
			throw new IllegalArgumentException("eventResolver must come from CoboWebhookServer.reactiveEventResolver");
		}
		return resolver.endings();
	}

	static WebFluxConfigurer deliveryGuard() {
		return new ReactiveUnverifiedDeliveryRefusal();
	}

	static RouterFunction<ServerResponse> approvalCallback(String path, CoboDeliveryVerifier verifier,
			CoboApprovalHandler handler, Duration timeout, int maxBodySize, Executor executor) {
		ReactiveApprovalCallbackEndpoint endpoint = new ReactiveApprovalCallbackEndpoint(
				new ApprovalCallbackEndpoint(verifier, handler, executor, timeout, maxBodySize), executor);
		return RouterFunctions.route().POST(path, endpoint::handle).build();
	}

}
