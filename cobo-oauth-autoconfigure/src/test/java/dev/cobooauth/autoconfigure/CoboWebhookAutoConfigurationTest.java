package dev.cobooauth.autoconfigure;

import java.time.Duration;

import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.signing.CoboEnvironment;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which key deliveries are verified with, and which stack's glue appears.
 */
class CoboWebhookAutoConfigurationTest {

	private static final AutoConfigurations WEBHOOKS = AutoConfigurations.of(CoboSigningAutoConfiguration.class,
			CoboDeliveryVerifierAutoConfiguration.class, CoboWebhookAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(WEBHOOKS);

	@Test
	void verifiesWithTheKeyOfTheEnvironmentForFiveMinutes() {
		this.runner.withPropertyValues("cobo.env=prod").run((context) -> {
			CoboDeliveryVerifier verifier = context.getBean(CoboDeliveryVerifier.class);
			assertThat(verifier.getPublicKeyHex()).isEqualTo(CoboEnvironment.PROD.getResponsePublicKeyHex());
			assertThat(verifier.getTolerance()).isEqualTo(Duration.ofMinutes(5));
		});
	}

	@Test
	void verifiesWithTheResponseKeyOfACustomBaseUrl() {
		this.runner
			.withPropertyValues("cobo.base-url=http://127.0.0.1:8089/v2",
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey())
			.run((context) -> assertThat(context.getBean(CoboDeliveryVerifier.class).getPublicKeyHex())
				.isEqualTo(TestKeys.coboPublicKey()));
	}

	@Test
	void verifiesWithItsOwnKeyWhenGivenOne() {
		this.runner.withPropertyValues("cobo.webhook.public-key=" + TestKeys.coboPublicKey(), "cobo.webhook.tolerance=90s")
			.run((context) -> {
				CoboDeliveryVerifier verifier = context.getBean(CoboDeliveryVerifier.class);
				assertThat(verifier.getPublicKeyHex()).isEqualTo(TestKeys.coboPublicKey());
				assertThat(verifier.getTolerance()).isEqualTo(Duration.ofSeconds(90));
			});
	}

	@Test
	void refusesANonPositiveToleranceNamingIt() {
		this.runner.withPropertyValues("cobo.webhook.tolerance=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("default message [cobo.webhook.tolerance must be a positive duration"));
	}

	@Test
	void canBeTurnedOff() {
		this.runner.withPropertyValues("cobo.webhook.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoboDeliveryVerifier.class));
	}

	@Test
	void addsNoWebGlueOutsideAWebApplication() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(CoboDeliveryVerifier.class)
			.doesNotHaveBean(CoboDeliveryExceptionHandler.class)
			.doesNotHaveBean("coboWebhookWebMvcConfigurer")
			.doesNotHaveBean("coboWebhookWebFluxConfigurer"));
	}

	@Test
	void addsTheMvcGlueToAServletApplication() {
		new WebApplicationContextRunner().withConfiguration(WEBHOOKS)
			.run((context) -> assertThat(context).hasBean("coboWebhookWebMvcConfigurer")
				.doesNotHaveBean("coboWebhookWebFluxConfigurer")
				.hasSingleBean(CoboDeliveryExceptionHandler.class));
	}

	@Test
	void addsTheWebFluxGlueToAReactiveApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(WEBHOOKS)
			.run((context) -> assertThat(context).hasBean("coboWebhookWebFluxConfigurer")
				.doesNotHaveBean("coboWebhookWebMvcConfigurer")
				.hasSingleBean(CoboDeliveryExceptionHandler.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnVerifier() {
		CoboDeliveryVerifier own = CoboDeliveryVerifier.builder(TestKeys.coboPublicKey(), "test")
			.tolerance(Duration.ofMinutes(1))
			.replayCacheSize(10)
			.build();
		this.runner.withBean(CoboDeliveryVerifier.class, () -> own)
			.run((context) -> assertThat(context.getBean(CoboDeliveryVerifier.class)).isSameAs(own));
	}

}
