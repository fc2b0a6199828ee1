package dev.cobooauth.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A call of a smart contract, Cobo's {@code POST /transactions/contract_call}. Build it with
 * {@link #builder()}:
 * <pre>
 * ContractCallRequest.builder()
 *     .chainId("ETH")
 *     .source(new TransactionSource("Org-Controlled", walletId, "0x..."))
 *     .toContract("0xContract", "0xa9059cbb...")
 *     .build();
 * </pre>
 *
 * @param requestId the idempotency key, unique in the org
 * @param chainId the chain, e.g. {@code ETH}
 * @param source the wallet and address that sign the call
 * @param destination the contract and the call
 * @param description a note kept with the transaction, or {@code null}
 * @param fee Cobo's {@code fee} object as JSON, or {@code null} for Cobo's default fee
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContractCallRequest(String requestId, String chainId, TransactionSource source, Destination destination,
		@Nullable String description, @Nullable JsonNode fee) {

	/**
	 * @throws IllegalArgumentException naming the first required field that is missing
	 */
	public ContractCallRequest {
		Requests.required(requestId, "request_id");
		Requests.required(chainId, "chain_id");
		Requests.required(source, "source");
		Requests.required(destination, "destination");
	}

	/** @return a builder that makes a new {@code request_id} unless one is given */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The contract and what to call on it: Cobo's {@code destination}.
	 *
	 * @param destinationType Cobo's destination type, {@code EVM_Contract} for an EVM chain
	 * @param address the contract's address
	 * @param calldata the call, hex
	 * @param value the amount of the chain's token sent with the call, a decimal string, or {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Destination(String destinationType, String address, String calldata, @Nullable String value) {

		/**
		 * @throws IllegalArgumentException naming the first required field that is missing
		 */
		public Destination {
			Requests.required(destinationType, "destination.destination_type");
			Requests.required(address, "destination.address");
			Requests.required(calldata, "destination.calldata");
		}

	}

	/** Builds a {@link ContractCallRequest}; not thread-safe. */
	public static final class Builder extends RequestBuilder.OnChain<Builder, Destination> {

		private @Nullable JsonNode fee;

		private Builder() {
		}

		/**
		 * @param address the contract's address
		 * @param calldata the call, hex
		 * @return this builder, with an {@code EVM_Contract} destination and no value sent
		 */
		public Builder toContract(String address, String calldata) {
			return destination(new Destination("EVM_Contract", address, calldata, null));
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
		public ContractCallRequest build() {
			Requests.required(chainId(), "chain_id");
			Requests.required(source(), "source");
			Requests.required(destination(), "destination");
			return new ContractCallRequest(requestIdOrNew(), chainId(), source(), destination(), description(),
					this.fee);
		}

	}

}
