package dev.cobooauth.samples.checkout;

import dev.cobooauth.webhook.CoboEvent;
import dev.cobooauth.webhook.VerifiedCoboDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cobo's webhook events, on WebFlux. The starter reads the raw body, verifies Cobo's signature, the
 * delivery's age and that it was not accepted before, and runs the handler once per
 * {@code event_id}: a later delivery of the same event, however it is signed, is acknowledged
 * without calling it again.
 */
@RestController
class CoboEvents {

	private static final Logger log = LoggerFactory.getLogger(CoboEvents.class);

	@PostMapping("/cobo/events")
	Mono<Void> onEvent(@VerifiedCoboDelivery CoboEvent event) {
		// Only ever reached with an event Cobo signed, recently, the first time it is handled.
		return Mono.fromRunnable(() -> log.info("Cobo event {} of type {}", event.eventId(), event.type()));
	}

}
