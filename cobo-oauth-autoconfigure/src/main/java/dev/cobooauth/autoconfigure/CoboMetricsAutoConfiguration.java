package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CoboSignatureMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Counts Cobo signatures ({@code cobo.requests.signed}, {@code cobo.responses.verification.failures})
 * in the application's {@link MeterRegistry}, when it has Micrometer and one registry. Token
 * operations are observed apart, through the {@code ObservationRegistry}.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public final class CoboMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoboSignatureMetrics coboSignatureMetrics(ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfUnique();
		return (meters != null) ? new MicrometerCoboSignatureMetrics(meters) : CoboSignatureMetrics.NONE;
	}

}
