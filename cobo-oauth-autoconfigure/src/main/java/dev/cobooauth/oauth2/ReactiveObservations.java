package dev.cobooauth.oauth2;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import reactor.core.publisher.Mono;

/**
 * Observes a {@link Mono} the way {@link Observation#observe(Supplier)} observes a call: started on
 * subscription, stopped when it ends (before its subscriber hears of it) or is cancelled, with its
 * error, and made the parent of what
 * the Mono observes itself (a {@code WebClient} exchange), through the Reactor context.
 */
final class ReactiveObservations {

	/** Micrometer's Reactor context key of the current observation. */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private ReactiveObservations() {
	}

	static <T> Mono<T> observe(Supplier<Observation> observations, Mono<T> call) {
		return Mono.defer(() -> {
			Observation observation = observations.get().start();
			return call.doOnSuccess((value) -> observation.stop())
				.doOnError((failure) -> observation.error(failure).stop())
				.doOnCancel(observation::stop)
				.contextWrite((context) -> context.put(OBSERVATION_KEY, observation));
		});
	}

}
