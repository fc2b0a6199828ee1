package dev.cobooauth.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.signing.CoboResponseSignatureException;
import dev.cobooauth.signing.CoboSignatureMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts Cobo signatures in a Micrometer {@link MeterRegistry}: the timer {@value #SIGNED} (tag
 * {@code key.kind}: {@code app} or {@code api-key}) times the signing of each request, and the
 * counter {@value #VERIFICATION_FAILURES} (tag {@code reason}: {@code missing} or {@code invalid})
 * counts responses refused for their signature.
 */
final class MicrometerCoboSignatureMetrics implements CoboSignatureMetrics {

	/** Name of the timer of signed requests. */
	public static final String SIGNED = "cobo.requests.signed";

	/** Name of the counter of responses refused for their signature. */
	public static final String VERIFICATION_FAILURES = "cobo.responses.verification.failures";

	private final MeterRegistry registry;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final Map<CoboResponseSignatureException.Reason, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * @param registry where the meters are registered
	 */
	public MicrometerCoboSignatureMetrics(MeterRegistry registry) {
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		this.registry = registry;
	}

	@Override
	public void requestSigned(String keyKind, long nanos) {
		this.timers.computeIfAbsent(keyKind, (kind) -> Timer.builder(SIGNED)
			.description("Requests signed for Cobo, and how long signing took")
			.tag("key.kind", kind)
			.register(this.registry)).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void responseRejected(CoboResponseSignatureException.Reason reason) {
		this.counters.computeIfAbsent(reason, (key) -> Counter.builder(VERIFICATION_FAILURES)
			.description("Cobo responses refused because their signature is missing or does not verify")
			.tag("reason", key.name().toLowerCase(Locale.ROOT))
			.register(this.registry)).increment();
	}

}
