package dev.cobooauth.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A transfer of tokens, Cobo's {@code POST /transactions/transfer}. Build it with {@link #builder()}:
 * <pre>
 * TransferRequest.builder()
 *     .source(TransactionSource.of("Org-Controlled", walletId))
 *     .tokenId("ETH")
 *     .toAddress("0x...", "0.001")
 *     .build();
 * </pre>
 *
 * @param requestId the idempotency key, unique in the org: Cobo creates at most one transaction for
 * it, and the starter finds that transaction by it when an answer is lost
 * @param source where the funds come from
 * @param tokenId the token, e.g. {@code ETH}, {@code ETH_USDT}
 * @param destination where they go
 * @param description a note kept with the transaction, or {@code null}
 * @param fee Cobo's {@code fee} object as JSON, or {@code null} for Cobo's default fee
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferRequest(String requestId, TransactionSource source, String tokenId, Destination destination,
		@Nullable String description, @Nullable JsonNode fee) {

	/**
	 * @throws IllegalArgumentException naming the first required field that is missing
	 */
	public TransferRequest {
		Requests.required(requestId, "request_id");
		Requests.required(source, "source");
		Requests.required(tokenId, "token_id");
		Requests.required(destination, "destination");
	}

	/** @return a builder that makes a new {@code request_id} unless one is given */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Where a transfer goes: Cobo's {@code destination}.
	 *
	 * @param destinationType Cobo's destination type, e.g. {@code Address}, {@code ExchangeWallet}
	 * @param accountOutput the address and amount, for {@code Address}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Destination(String destinationType, @Nullable AccountOutput accountOutput) {

		/**
		 * @throws IllegalArgumentException if the destination type is missing
		 */
		public Destination {
			Requests.required(destinationType, "destination.destination_type");
		}

	}

	/**
	 * An address and the amount it receives.
	 *
	 * @param address the receiving address
	 * @param amount the amount, as a decimal string in the token's unit (e.g. {@code 0.001})
	 * @param memo the memo or tag some chains need, or {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AccountOutput(String address, String amount, @Nullable String memo) {

		/**
		 * @throws IllegalArgumentException if the address or the amount is missing
		 */
		public AccountOutput {
			Requests.required(address, "destination.account_output.address");
			Requests.required(amount, "destination.account_output.amount");
		}

	}

	/** Builds a {@link TransferRequest}; not thread-safe. */
	public static final class Builder extends RequestBuilder<Builder, Destination> {

		private @Nullable String tokenId;

		private @Nullable JsonNode fee;

		private Builder() {
		}

		/**
		 * @param tokenId the token, e.g. {@code ETH}
		 * @return this builder
		 */
		public Builder tokenId(String tokenId) {
			this.tokenId = tokenId;
			return this;
		}

		/**
		 * @param address the receiving address
		 * @param amount the amount, a decimal string
		 * @return this builder, with an {@code Address} destination
		 */
		public Builder toAddress(String address, String amount) {
			return destination(new Destination("Address", new AccountOutput(address, amount, null)));
		}

		/**
		 * @param fee Cobo's {@code fee} object
		 * @return this builder
		 */
		public Builder fee(JsonNode fee) {
			this.fee = fee;
			return this;
		}

		/**
		 * @return the request
		 * @throws IllegalArgumentException naming the first required field that is missing
		 */
		public TransferRequest build() {
			Requests.required(source(), "source");
			Requests.required(this.tokenId, "token_id");
			Requests.required(destination(), "destination");
			return new TransferRequest(requestIdOrNew(), source(), this.tokenId, destination(), description(),
					this.fee);
		}

	}

}
