package dev.cobooauth.webhook;

import java.time.Duration;
import java.util.concurrent.Executor;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The Spring MVC parts {@link CoboWebhookServer} hands out, apart from it so that a WebFlux-only
 * application never loads a class that names Spring MVC's types.
 */
final class ServletWebhooks {

	private ServletWebhooks() {
	}

	static WebMvcConfigurer deliveryResolver(CoboDeliveryVerifier verifier, JsonMapper json, int maxBodySize) {
		return new VerifiedCoboDeliveryArgumentResolver(verifier, new CoboDeliveryReader(json), maxBodySize);
	}

	static WebMvcConfigurer eventResolver(CoboDeliveryVerifier verifier, JsonMapper json, int maxBodySize,
			HandledCoboEvents events) {
		return new CoboEventOnceResolver(verifier, new CoboDeliveryReader(json), maxBodySize, events);
	}

	static WebMvcConfigurer deliveryGuard() {
		return new UnverifiedDeliveryRefusal();
	}

	static RouterFunction<ServerResponse> approvalCallback(String path, CoboDeliveryVerifier verifier,
			CoboApprovalHandler handler, Duration timeout, int maxBodySize, Executor executor) {
		ApprovalCallbackEndpoint endpoint = new ApprovalCallbackEndpoint(verifier, handler, executor, timeout,
				maxBodySize);
		return RouterFunctions.route().POST(path, endpoint::handle).build();
	}

}
