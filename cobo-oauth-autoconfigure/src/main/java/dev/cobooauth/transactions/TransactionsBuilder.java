package dev.cobooauth.transactions;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings that {@link CoboTransactions.Builder} and {@link ReactiveCoboTransactions.Builder}
 * share: the client and every setting of {@link CoboTransactions.Settings}, with their defaults and
 * checks, written once for both clients.
 *
 * @param <B> the builder, returned by every setting
 * @param <C> the client, {@code RestClient} or {@code WebClient}
 */
abstract class TransactionsBuilder<B extends TransactionsBuilder<B, C>, C> {

	private final C client;

	private Clock clock = Clock.systemUTC();

	private Duration resolveTimeout = Duration.ofSeconds(30);

	private CoboTransactionMetrics metrics = CoboTransactionMetrics.NONE;

	TransactionsBuilder(C client) {
		if (client == null) {
			throw new IllegalArgumentException("client cannot be null");
		}
		this.client = client;
	}

	/**
	 * @param clock the time the resolve timeout is measured with; the system's UTC clock by default
	 * @return this builder
	 */
	public B clock(Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		this.clock = clock;
		return self();
	}

	/**
	 * @param resolveTimeout how long a create whose answer was lost is looked for before
	 * {@link CoboOutcomeUnknownException}; 30 seconds by default
	 * @return this builder
	 */
	public B resolveTimeout(Duration resolveTimeout) {
		if (resolveTimeout == null || resolveTimeout.isNegative() || resolveTimeout.isZero()) {
			throw new IllegalArgumentException("resolveTimeout must be positive, was " + resolveTimeout);
		}
		this.resolveTimeout = resolveTimeout;
		return self();
	}

	/**
	 * @param metrics told how each unknown outcome was resolved; counts nothing by default
	 * @return this builder
	 */
	public B metrics(CoboTransactionMetrics metrics) {
		if (metrics == null) {
			throw new IllegalArgumentException("metrics cannot be null");
		}
		this.metrics = metrics;
		return self();
	}

	final C client() {
		return this.client;
	}

	final CoboTransactions.Settings settings() {
		return new CoboTransactions.Settings(this.clock, this.resolveTimeout, this.metrics);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
