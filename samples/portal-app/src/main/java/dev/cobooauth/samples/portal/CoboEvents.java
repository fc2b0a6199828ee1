package dev.cobooauth.samples.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cobooauth.webhook.VerifiedCoboDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cobo's webhook events, on Spring MVC. The starter reads the raw body, verifies Cobo's signature,
 * the delivery's age and that it was not accepted before, and only then maps the JSON and calls the
 * handler; otherwise the sender gets a problem answer and the handler is not called.
 */
@RestController
class CoboEvents {

	private static final Logger log = LoggerFactory.getLogger(CoboEvents.class);

	@PostMapping("/cobo/events")
	void onEvent(@VerifiedCoboDelivery WalletEvent event) {
		// Only ever reached with an event Cobo signed, recently, once.
		log.info("Cobo event {} of type {}", event.eventId(), event.type());
	}

	/**
	 * The fields of a webhook event this app reads; check the names against Cobo's webhook reference.
	 *
	 * @param eventId the event's id
	 * @param type what happened, e.g. {@code wallets.transaction.succeeded}
	 */
	record WalletEvent(@JsonProperty("event_id") String eventId, String type) {
	}

}
