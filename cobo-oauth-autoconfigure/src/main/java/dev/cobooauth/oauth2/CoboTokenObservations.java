package dev.cobooauth.oauth2;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Makes the observation of each token operation, in the application's {@link ObservationRegistry}
 * and with its convention if it has one. {@link #NOOP} observes nothing.
 */
final class CoboTokenObservations {

	/** Observes nothing. */
	public static final CoboTokenObservations NOOP = new CoboTokenObservations(ObservationRegistry.NOOP, null);

	private static final CoboTokenObservationConvention DEFAULT_CONVENTION = new DefaultCoboTokenObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CoboTokenObservationConvention convention;

	/**
	 * @param registry where observations go
	 * @param convention the application's convention, or {@code null} for the default
	 */
	public CoboTokenObservations(ObservationRegistry registry, @Nullable CoboTokenObservationConvention convention) {
		if (registry == null) {
			throw new IllegalArgumentException("registry cannot be null");
		}
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * @param operation the token operation about to run
	 * @param registrationId the registration the token is for
	 * @param principalName the principal the token is stored under
	 * @return an observation, not started
	 */
	public Observation observation(CoboTokenOperation operation, String registrationId, String principalName) {
		return Observation.createNotStarted(this.convention, DEFAULT_CONVENTION,
				() -> new CoboTokenObservationContext(operation, registrationId, principalName), this.registry);
	}

}
