package dev.cobooauth.transactions;

import org.jspecify.annotations.Nullable;

/**
 * What the builders of {@link TransferRequest}, {@link ContractCallRequest} and
 * {@link MessageSignRequest} share: the {@code request_id}, the source, the destination and the
 * description of a transaction, set once here for all three. Not thread-safe.
 *
 * @param <B> the builder, returned by every setting
 * @param <D> the request's destination
 */
abstract class RequestBuilder<B extends RequestBuilder<B, D>, D> {

	private @Nullable String requestId;

	private @Nullable TransactionSource source;

	private @Nullable D destination;

	private @Nullable String description;

	RequestBuilder() {
	}

	/**
	 * @param requestId the idempotency key; a random UUID when not given
	 * @return this builder
	 */
	public B requestId(String requestId) {
		this.requestId = requestId;
		return self();
	}

	/**
	 * @param source the wallet (and, where the request needs one, the address) the transaction is made
	 * from
	 * @return this builder
	 */
	public B source(TransactionSource source) {
		this.source = source;
		return self();
	}

	/**
	 * @param destination where the transaction goes, or what it signs
	 * @return this builder
	 */
	public B destination(D destination) {
		this.destination = destination;
		return self();
	}

	/**
	 * @param description a note kept with the transaction
	 * @return this builder
	 */
	public B description(String description) {
		this.description = description;
		return self();
	}

	/** @return the given request id, or a new random one when none is given */
	final String requestIdOrNew() {
		return Requests.requestIdOrNew(this.requestId);
	}

	final @Nullable TransactionSource source() {
		return this.source;
	}

	final @Nullable D destination() {
		return this.destination;
	}

	final @Nullable String description() {
		return this.description;
	}

	@SuppressWarnings("unchecked")
	final B self() {
		return (B) this;
	}

	/**
	 * A request on one chain, {@link ContractCallRequest} and {@link MessageSignRequest}: the
	 * {@code chain_id} besides.
	 *
	 * @param <B> the builder, returned by every setting
	 * @param <D> the request's destination
	 */
	abstract static class OnChain<B extends OnChain<B, D>, D> extends RequestBuilder<B, D> {

		private @Nullable String chainId;

		OnChain() {
		}

		/**
		 * @param chainId the chain, e.g. {@code ETH}
		 * @return this builder
		 */
		public B chainId(String chainId) {
			this.chainId = chainId;
			return self();
		}

		final @Nullable String chainId() {
			return this.chainId;
		}

	}

}
