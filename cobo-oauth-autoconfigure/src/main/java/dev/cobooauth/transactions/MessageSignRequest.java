package dev.cobooauth.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A message to sign with a wallet's key, Cobo's {@code POST /transactions/message_sign}. Build it with
 * {@link #builder()}:
 * <pre>
 * MessageSignRequest.builder()
 *     .chainId("ETH")
 *     .source(new TransactionSource("Org-Controlled", walletId, "0x..."))
 *     .eip191("Hello")
 *     .build();
 * </pre>
 *
 * @param requestId the idempotency key, unique in the org
 * @param chainId the chain, e.g. {@code ETH}
 * @param source the wallet and address whose key signs
 * @param destination what to sign, and how
 * @param description a note kept with the transaction, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageSignRequest(String requestId, String chainId, TransactionSource source, Destination destination,
		@Nullable String description) {

	/**
	 * @throws IllegalArgumentException naming the first required field that is missing
	 */
	public MessageSignRequest {
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
	 * What to sign: Cobo's {@code destination}, one of {@code message} or {@code structured_data}.
	 *
	 * @param destinationType {@code EVM_EIP_191_Signature} or {@code EVM_EIP_712_Signature}
	 * @param message the raw message, for EIP-191
	 * @param structuredData the typed data, for EIP-712
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Destination(String destinationType, @Nullable String message, @Nullable JsonNode structuredData) {

		/**
		 * @throws IllegalArgumentException if the destination type is missing, or neither or both of
		 * the message and the structured data are given
		 */
		public Destination {
			Requests.required(destinationType, "destination.destination_type");
			if ((message == null) == (structuredData == null)) {
				throw new IllegalArgumentException(
						"Give exactly one of destination.message and destination.structured_data");
			}
		}

	}

	/** Builds a {@link MessageSignRequest}; not thread-safe. */
	public static final class Builder extends RequestBuilder.OnChain<Builder, Destination> {

		private Builder() {
		}

		/**
		 * @param message the raw message
		 * @return this builder, signing the message as EIP-191 ({@code personal_sign})
		 */
		public Builder eip191(String message) {
			return destination(new Destination("EVM_EIP_191_Signature", message, null));
		}

		/**
		 * @param structuredData the typed data
		 * @return this builder, signing the typed data as EIP-712
		 */
		public Builder eip712(JsonNode structuredData) {
			return destination(new Destination("EVM_EIP_712_Signature", null, structuredData));
		}

		/**
		 * @return the request
		 * @throws IllegalArgumentException naming the first required field that is missing
		 */
		public MessageSignRequest build() {
			Requests.required(chainId(), "chain_id");
			Requests.required(source(), "source");
			Requests.required(destination(), "destination");
			return new MessageSignRequest(requestIdOrNew(), chainId(), source(), destination(), description());
		}

	}

}
