package dev.cobooauth.quickstart;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cobooauth.webhook.VerifiedCoboDelivery;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Cobo's webhook events: the handler runs only for a delivery Cobo signed, recently, once.
 */
@RestController
class CoboEvents {

	private final List<String> received = new CopyOnWriteArrayList<>();

	@PostMapping("/cobo/events")
	void onEvent(@VerifiedCoboDelivery WalletEvent event) {
		this.received.add(event.eventId());
	}

	List<String> received() {
		return this.received;
	}

	record WalletEvent(@JsonProperty("event_id") String eventId, String type) {
	}

}
