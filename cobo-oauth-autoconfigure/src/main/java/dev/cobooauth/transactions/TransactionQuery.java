package dev.cobooauth.transactions;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which transactions to list, Cobo's filters of {@code GET /transactions}; every filter is optional.
 * Build it with {@link #builder()}; {@link #all()} lists everything.
 *
 * @param requestId only the transaction this {@code request_id} created
 * @param transactionIds only these transactions
 * @param walletIds only transactions of these wallets
 * @param statuses only transactions in these statuses
 * @param types only transactions of these types
 * @param pageSize how many transactions each page fetches, 1 to 50
 */
public record TransactionQuery(@Nullable String requestId, List<String> transactionIds, List<String> walletIds,
		List<String> statuses, List<String> types, int pageSize) {

	private static final int DEFAULT_PAGE_SIZE = 50;

	/**
	 * @throws IllegalArgumentException if the page size is not from 1 to 50
	 */
	public TransactionQuery {
		transactionIds = List.copyOf(transactionIds);
		walletIds = List.copyOf(walletIds);
		statuses = List.copyOf(statuses);
		types = List.copyOf(types);
		if (pageSize < 1 || pageSize > 50) {
			throw new IllegalArgumentException("pageSize must be from 1 to 50, was " + pageSize);
		}
	}

	/** @return a query without filters */
	public static TransactionQuery all() {
		return builder().build();
	}

	/** @return a builder without filters, fetching 50 transactions a page */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link TransactionQuery}; not thread-safe. */
	public static final class Builder {

		private @Nullable String requestId;

		private final List<String> transactionIds = new ArrayList<>();

		private final List<String> walletIds = new ArrayList<>();

		private final List<String> statuses = new ArrayList<>();

		private final List<String> types = new ArrayList<>();

		private int pageSize = DEFAULT_PAGE_SIZE;

		private Builder() {
		}

		/**
		 * @param requestId the {@code request_id}
		 * @return this builder
		 */
		public Builder requestId(String requestId) {
			this.requestId = requestId;
			return this;
		}

		/**
		 * @param transactionIds transaction ids to add to the filter
		 * @return this builder
		 */
		public Builder transactionIds(String... transactionIds) {
			this.transactionIds.addAll(List.of(transactionIds));
			return this;
		}

		/**
		 * @param walletIds wallet ids to add to the filter
		 * @return this builder
		 */
		public Builder walletIds(String... walletIds) {
			this.walletIds.addAll(List.of(walletIds));
			return this;
		}

		/**
		 * @param statuses statuses to add to the filter
		 * @return this builder
		 */
		public Builder statuses(String... statuses) {
			this.statuses.addAll(List.of(statuses));
			return this;
		}

		/**
		 * @param types types to add to the filter
		 * @return this builder
		 */
		public Builder types(String... types) {
			this.types.addAll(List.of(types));
			return this;
		}

		/**
		 * @param pageSize how many transactions each page fetches, 1 to 50
		 * @return this builder
		 */
		public Builder pageSize(int pageSize) {
			this.pageSize = pageSize;
			return this;
		}

		/** @return the query */
		public TransactionQuery build() {
			return new TransactionQuery(this.requestId, this.transactionIds, this.walletIds, this.statuses, this.types,
					this.pageSize);
		}

	}

}
