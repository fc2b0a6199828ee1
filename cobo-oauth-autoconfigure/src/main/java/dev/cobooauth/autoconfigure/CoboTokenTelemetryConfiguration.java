package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.TokenOutcomes;
import dev.cobooauth.oauth2.CoboTokenObservationConvention;
import dev.cobooauth.oauth2.CoboTokenObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both token flows report to: the observation of each token operation, in the application's
 * {@link ObservationRegistry} if it has one (nothing is observed otherwise), and the latest outcome
 * per org that the {@code cobo} health contributor shows. Imported beside
 * {@link CoboTokenStoreConfiguration} by both token auto-configurations.
 */
@Configuration(proxyBeanMethods = false)
class CoboTokenTelemetryConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboTokenObservations coboTokenObservations(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<CoboTokenObservationConvention> convention) {
		return new CoboTokenObservations(registry.getIfUnique(() -> ObservationRegistry.NOOP), convention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenOutcomes coboTokenOutcomes(TokenExpiry expiry) {
		return new TokenOutcomes(expiry.getClock());
	}

}
