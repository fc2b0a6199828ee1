package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.testsupport.TestKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every auto-configuration of the starter together, in applications that have only one web stack,
 * and in one without Micrometer's meters or the Actuator: each starts, with what its classpath
 * allows.
 */
class StackIsolationTest {

	private static final AutoConfigurations ALL = AutoConfigurations
		.of(AutoConfigurationLayoutTest.listed().toArray(Class<?>[]::new));

	private static final String[] KEYS = { "cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET,
			"cobo.api-key.private-key=" + TestKeys.API_SECRET };

	@Test
	void aServletOnlyApplicationStarts() {
		new WebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(KEYS)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "reactor.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoboOrgAccessTokens.class)
				.doesNotHaveBean(ReactiveCoboOrgAccessTokens.class)
				.hasBean("coboWebhookWebMvcConfigurer")
				.hasBean("coboWebhookEventWebMvcConfigurer")
				.hasBean("coboHealthContributor"));
	}

	@Test
	void aReactiveOnlyApplicationStarts() {
		new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(KEYS)
			.withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web.servlet"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveCoboOrgAccessTokens.class)
				.hasBean("coboWebhookWebFluxConfigurer")
				.hasBean("coboWebhookEventWebFluxConfigurer")
				.hasBean("coboWebhookEventWebFilter")
				.doesNotHaveBean("coboWebhookWebMvcConfigurer"));
	}

	@Test
	void anApplicationWithoutMetersOrActuatorStarts() {
		new WebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(KEYS)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class.getPackageName(),
					"org.springframework.boot.health", "org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CoboOrgAccessTokens.class)
				.hasSingleBean(CoboDeliveryVerifier.class)
				.doesNotHaveBean("coboHealthContributor"));
	}

}
