package dev.cobooauth.webhook;

import java.util.Arrays;
import java.util.Collection;

import dev.cobooauth.signing.CoboDeliveryVerificationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

/**
 * What the Spring MVC and the WebFlux refusal of {@link VerifiedCoboDelivery @VerifiedCoboDelivery}
 * parameters share, when deliveries cannot be verified: which parameters are theirs, the refusal, and
 * the startup warning.
 */
final class UnverifiedDeliveries {

	private static final Log logger = LogFactory.getLog(UnverifiedDeliveries.class);

	static final String WHY = "Cobo deliveries are not verified in this application (cobo.webhook.enabled=false, "
			+ "or CoboWebhookAutoConfiguration excluded)";

	private UnverifiedDeliveries() {
	}

	/**
	 * @param parameter a handler method's parameter
	 * @return whether it takes a verified delivery
	 */
	static boolean isVerifiedDelivery(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(VerifiedCoboDelivery.class);
	}

	/**
	 * @param parameter the parameter that cannot be bound
	 * @return the refusal: {@code 503}, for Cobo to send the delivery again later
	 */
	static CoboDeliveryVerificationException refusal(MethodParameter parameter) {
		logger.warn("Refused a Cobo delivery to " + parameter.getExecutable().toGenericString() + ": " + WHY
				+ ". Set cobo.webhook.enabled=true to accept deliveries.");
		return new CoboDeliveryVerificationException(CoboDeliveryVerificationException.Reason.VERIFICATION_OFF);
	}

	/**
	 * Warns of each handler that takes a verified delivery, since each of them will refuse every one.
	 * @param handlers the application's handler methods
	 */
	static void warnOfHandlers(Collection<HandlerMethod> handlers) {
		handlers.stream()
			.filter((handler) -> Arrays.stream(handler.getMethodParameters())
				.anyMatch(UnverifiedDeliveries::isVerifiedDelivery))
			.forEach((handler) -> logger.warn(handler.getShortLogMessage() + " takes a @VerifiedCoboDelivery "
					+ "parameter, but " + WHY + ": every delivery to it is refused with 503 and it is never called. "
					+ "Set cobo.webhook.enabled=true to verify and accept them."));
	}

}
