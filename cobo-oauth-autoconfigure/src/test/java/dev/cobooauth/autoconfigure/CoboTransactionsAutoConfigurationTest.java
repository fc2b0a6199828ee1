package dev.cobooauth.autoconfigure;

import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.transactions.CoboTransactionMetrics;
import dev.cobooauth.transactions.CoboTransactions;
import dev.cobooauth.transactions.ReactiveCoboTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coboTransactions} and {@code coboReactiveTransactions} appear beside the clients they use,
 * back off for the application's own, count resolutions in Micrometer, and refuse a resolve timeout
 * that is not positive.
 */
class CoboTransactionsAutoConfigurationTest {

	private static final String[] APP = { "cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboOrgAccessTokenAutoConfiguration.class, CoboTransactionsAutoConfiguration.class));

	@Test
	void providesBothFacesForAPortalApp() {
		this.runner.withPropertyValues(APP)
			.run((context) -> assertThat(context).hasSingleBean(CoboTransactions.class)
				.hasSingleBean(ReactiveCoboTransactions.class));
	}

	@Test
	void providesNoneWithoutAnAppKey() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(CoboTransactions.class)
			.doesNotHaveBean(ReactiveCoboTransactions.class));
	}

	@Test
	void providesOnlyTheBlockingFaceWithoutWebClient() {
		this.runner.withPropertyValues(APP)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(CoboTransactions.class)
				.doesNotHaveBean(ReactiveCoboTransactions.class));
	}

	@Test
	void backsOffForTheApplicationsOwnMetrics() {
		CoboTransactionMetrics own = (outcome) -> {
		};
		this.runner.withPropertyValues(APP)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("ownMetrics", CoboTransactionMetrics.class, () -> own)
			.run((context) -> assertThat(context.getBean(CoboTransactionMetrics.class)).isSameAs(own));
	}

	@Test
	void countsResolutionsByOutcomeInMicrometer() {
		this.runner.withPropertyValues(APP).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			CoboTransactionMetrics metrics = context.getBean(CoboTransactionMetrics.class);
			metrics.resolved(CoboTransactionMetrics.Outcome.FOUND);
			metrics.resolved(CoboTransactionMetrics.Outcome.FOUND);
			metrics.resolved(CoboTransactionMetrics.Outcome.UNKNOWN);

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("cobo.transactions.resolutions").tag("outcome", "found").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("cobo.transactions.resolutions").tag("outcome", "unknown").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void refusesAResolveTimeoutOfZero() {
		this.runner.withPropertyValues(APP).withPropertyValues("cobo.transactions.resolve-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("on field 'transactions.resolveTimeout': rejected value [PT0S]")
				.hasMessageContaining("default message [cobo.transactions.resolve-timeout must be a positive "
						+ "duration. Set it to more than 0s.]");
		});
	}

}
