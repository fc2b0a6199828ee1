package dev.cobooauth.transactions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A transaction as Cobo shows it ({@code GET /transactions/{transaction_id}}, the lists, and the data
 * of a {@code wallets.transaction.*} event). The fields an application acts on are typed; the shapes
 * that vary with the transaction's type ({@code source}, {@code destination}, {@code fee}) are JSON.
 * Fields Cobo adds later are ignored.
 *
 * @param transactionId Cobo's id of the transaction
 * @param requestId the {@code request_id} that created it, {@code null} for a deposit
 * @param walletId the wallet it belongs to
 * @param type e.g. {@code Deposit}, {@code Withdrawal}, {@code ContractCall}, {@code MessageSign}
 * @param status e.g. {@code Submitted}, {@code PendingSignature}, {@code Broadcasting},
 * {@code Confirming}, {@code Completed}, {@code Failed}, {@code Rejected}
 * @param subStatus the finer status, or {@code null}
 * @param chainId the chain, or {@code null}
 * @param tokenId the token, or {@code null}
 * @param source where it came from, Cobo's JSON
 * @param destination where it went, Cobo's JSON; {@link #amount()} reads the amount from it
 * @param fee the fee, Cobo's JSON
 * @param transactionHash the on-chain hash, once there is one
 * @param description the note given when it was created
 * @param createdTimestamp when Cobo created it, milliseconds since the epoch
 * @param updatedTimestamp when it last changed, milliseconds since the epoch
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoboTransaction(String transactionId, @Nullable String requestId, @Nullable String walletId,
		@Nullable String type, @Nullable String status, @Nullable String subStatus, @Nullable String chainId,
		@Nullable String tokenId, @Nullable JsonNode source, @Nullable JsonNode destination, @Nullable JsonNode fee,
		@Nullable String transactionHash, @Nullable String description, @Nullable Long createdTimestamp,
		@Nullable Long updatedTimestamp) {

	/**
	 * @return the amount sent: the destination's {@code account_output.amount} (a transfer to an
	 * address) or its {@code amount}, or {@code null} when it has neither
	 */
	public @Nullable String amount() {
		if (this.destination == null) {
			return null;
		}
		JsonNode output = this.destination.get("account_output");
		JsonNode amount = (output != null && output.isObject()) ? output.get("amount") : this.destination.get("amount");
		return (amount != null && amount.isValueNode()) ? amount.asString() : null;
	}

}
