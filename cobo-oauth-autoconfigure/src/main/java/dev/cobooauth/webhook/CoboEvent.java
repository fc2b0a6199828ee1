package dev.cobooauth.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cobooauth.transactions.CoboTransaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Cobo webhook event, as a {@link VerifiedCoboDelivery @VerifiedCoboDelivery} parameter. Cobo
 * delivers an event again when a delivery fails, may deliver it more than once anyway, and anyone with
 * API access can have it delivered again with a fresh signature; what identifies it is its
 * {@link #eventId()}. So an event whose handler already completed is acknowledged without calling the
 * handler again (see {@link HandledCoboEvents}); a handler that throws leaves nothing recorded, and Cobo
 * delivers it again.
 *
 * @param eventId Cobo's id of the event, the same in every delivery of it
 * @param type e.g. {@code wallets.transaction.succeeded}, {@code wallets.addresses.created}
 * @param createdTimestamp when Cobo created the event, milliseconds since the epoch, the same in every
 * delivery
 * @param data the event's data, as JSON; {@link #transaction()} types it for
 * {@code wallets.transaction.*} events
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoboEvent(String eventId, String type, long createdTimestamp, JsonNode data) {

	private static final String TRANSACTION_EVENTS = "wallets.transaction.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @throws IllegalArgumentException if the event has no id or no type
	 */
	public CoboEvent {
		if (eventId == null || eventId.isBlank()) {
			throw new IllegalArgumentException("A Cobo event needs its event_id");
		}
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("A Cobo event needs its type");
		}
		if (data == null) {
			data = JSON.createObjectNode();
		}
	}

	/** @return whether this is a {@code wallets.transaction.*} event, whose data is a transaction */
	public boolean isTransactionEvent() {
		return this.type.startsWith(TRANSACTION_EVENTS);
	}

	/**
	 * @return the transaction of a {@code wallets.transaction.*} event (id, request id, status, wallet,
	 * token, amount), or {@code null} for any other event
	 */
	public @Nullable CoboTransaction transaction() {
		return isTransactionEvent() ? JSON.treeToValue(this.data, CoboTransaction.class) : null;
	}

}
