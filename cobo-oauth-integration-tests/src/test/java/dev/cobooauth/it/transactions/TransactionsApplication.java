package dev.cobooauth.it.transactions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cobooauth.transactions.CoboTransactionMetrics;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application with nothing but the starter, on both stacks, and a record of how each unknown
 * outcome was resolved in place of Micrometer.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TransactionsApplication {

	@Bean
	Resolutions resolutions() {
		return new Resolutions();
	}

	/** The outcomes told to {@link CoboTransactionMetrics}, in order. */
	static final class Resolutions implements CoboTransactionMetrics {

		final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

		@Override
		public void resolved(Outcome outcome) {
			this.outcomes.add(outcome);
		}

	}

}
