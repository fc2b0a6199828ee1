package dev.cobooauth.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cobooauth.transactions.CoboTransactionMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts, in a Micrometer {@link MeterRegistry}, the creates whose outcome was unknown by how they
 * were resolved: the counter {@value #RESOLUTIONS}, tag {@code outcome}: {@code found}, {@code resent},
 * {@code refused} or {@code unknown}.
 */
final class MicrometerCoboTransactionMetrics implements CoboTransactionMetrics {

	/** Name of the counter of resolutions. */
	static final String RESOLUTIONS = "cobo.transactions.resolutions";

	private final MeterRegistry registry;

	private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();

	MicrometerCoboTransactionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void resolved(Outcome outcome) {
		this.counters.computeIfAbsent(outcome, (key) -> Counter.builder(RESOLUTIONS)
			.description("Creates of Cobo transactions whose answer was lost, by how they were resolved")
			.tag("outcome", key.name().toLowerCase(Locale.ROOT))
			.register(this.registry)).increment();
	}

}
