package dev.cobooauth.oauth2;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a token operation's observation and its key values. Implement it to change them; the
 * default is {@link DefaultCoboTokenObservationConvention}.
 */
public interface CoboTokenObservationConvention extends ObservationConvention<CoboTokenObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CoboTokenObservationContext;
	}

}
