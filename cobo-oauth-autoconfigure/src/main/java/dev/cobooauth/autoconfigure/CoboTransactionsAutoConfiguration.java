package dev.cobooauth.autoconfigure;

import java.time.Clock;

import dev.cobooauth.transactions.CoboTransactionMetrics;
import dev.cobooauth.transactions.CoboTransactions;
import dev.cobooauth.transactions.ReactiveCoboTransactions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Cobo's transactions created exactly once ({@code cobo.transactions.*}): {@code coboTransactions} over
 * {@code coboRestClient} and {@code coboReactiveTransactions} over {@code coboWebClient}, each acting for
 * {@code cobo.app.default-org} until told another org, and the counter of resolutions
 * ({@code cobo.transactions.resolutions}) when Micrometer is there.
 */
@AutoConfiguration(after = { CoboOrgAccessTokenAutoConfiguration.class, CoboMetricsAutoConfiguration.class })
public final class CoboTransactionsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	@ConditionalOnBean(name = CoboOrgAccessTokenAutoConfiguration.REST_CLIENT)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboTransactions coboTransactions(@Qualifier(CoboOrgAccessTokenAutoConfiguration.REST_CLIENT) RestClient client,
				CoboProperties properties, @Qualifier(CoboSigningAutoConfiguration.CLOCK) ObjectProvider<Clock> clock,
				ObjectProvider<CoboTransactionMetrics> metrics) {
			return CoboTransactions.builder(client)
				.clock(clock.getIfAvailable(Clock::systemUTC))
				.resolveTimeout(properties.getTransactions().getResolveTimeout())
				.metrics(metrics.getIfAvailable(() -> CoboTransactionMetrics.NONE))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	@ConditionalOnBean(name = CoboOrgAccessTokenAutoConfiguration.WEB_CLIENT)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCoboTransactions coboReactiveTransactions(
				@Qualifier(CoboOrgAccessTokenAutoConfiguration.WEB_CLIENT) WebClient client, CoboProperties properties,
				@Qualifier(CoboSigningAutoConfiguration.CLOCK) ObjectProvider<Clock> clock,
				ObjectProvider<CoboTransactionMetrics> metrics) {
			return ReactiveCoboTransactions.builder(client)
				.clock(clock.getIfAvailable(Clock::systemUTC))
				.resolveTimeout(properties.getTransactions().getResolveTimeout())
				.metrics(metrics.getIfAvailable(() -> CoboTransactionMetrics.NONE))
				.build();
		}

	}

	/** Counts in the application's one {@link MeterRegistry}, when it has Micrometer. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MicrometerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoboTransactionMetrics coboTransactionMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meters = registry.getIfUnique();
			return (meters != null) ? new MicrometerCoboTransactionMetrics(meters) : CoboTransactionMetrics.NONE;
		}

	}

}
