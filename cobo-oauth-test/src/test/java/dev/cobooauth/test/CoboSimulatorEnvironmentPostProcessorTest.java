package dev.cobooauth.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.boot.CoboSimulatorEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application that sets {@code cobo.simulator.embedded=auto} runs against a simulator of its own,
 * unless it names a real Cobo; every other application is left alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoboSimulatorEnvironmentPostProcessorTest {

	@Test
	void startsNothingUnlessTheApplicationOptsIn() {
		try (ConfigurableApplicationContext context = run(new StandardEnvironment())) {
			assertThat(context.getEnvironment().getProperty("cobo.base-url")).isNull();
			assertThat(context.containsBean(CoboSimulatorEnvironmentPostProcessor.NAME)).isFalse();
		}
	}

	@Test
	void pointsTheCoboPropertiesAtASimulatorOfItsOwn() {
		try (ConfigurableApplicationContext context = run(new StandardEnvironment(), "cobo.simulator.embedded=auto",
				"cobo.base-url=", "cobo.app.private-key-location= ", "cobo.app.client-id=sim-client")) {
			CoboSimulator sim = context.getBean(CoboSimulator.class);
			ConfigurableEnvironment environment = context.getEnvironment();

			assertThat(environment.getProperty("cobo.base-url")).isEqualTo(sim.baseUrl());
			assertThat(environment.getProperty("cobo.response-verification.public-key"))
				.isEqualTo(sim.responsePublicKeyHex());
			assertThat(environment.getProperty("cobo.app.client-id")).isEqualTo("sim-client");
			assertThat(environment.getProperty("cobo.app.private-key")).matches("[0-9a-f]{64}");
			assertThat(environment.getProperty("cobo.api-key.private-key")).matches("[0-9a-f]{64}");
		}
	}

	@Test
	void saysInAWarningBannerThatItIsNotCobo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(new StandardEnvironment(), "cobo.simulator.embedded=auto")) {
			assertThat(output).contains("WARN")
				.contains("*** EMBEDDED COBO SIMULATOR")
				.contains("NOT to Cobo")
				.contains("Started the embedded Cobo simulator at " + context.getBean(CoboSimulator.class).baseUrl());
		}
	}

	@Test
	void registersTheAppInTheConfiguredOrgsAndTheApiKeyForTheFirst() {
		try (ConfigurableApplicationContext context = run(new StandardEnvironment(), "cobo.simulator.embedded=auto",
				"cobo.simulator.client-id=portal", "cobo.simulator.org-ids=org-acme,org-globex")) {
			CoboSimulator sim = context.getBean(CoboSimulator.class);
			CoboSigner appKey = key(context, "cobo.app.private-key");

			assertThat(CoboCalls.orgImplicit(sim, appKey, "portal", "org-acme").status()).isEqualTo(200);
			assertThat(CoboCalls.orgImplicit(sim, appKey, "portal", "org-globex").status()).isEqualTo(200);
			assertThat(CoboCalls.listWallets(sim, key(context, "cobo.api-key.private-key"))
				.json().get("data").get(0).get("org_id").asString()).isEqualTo("org-acme");
			assertThat(context.getEnvironment().getProperty("cobo.simulator.org-ids")).isEqualTo("org-acme,org-globex");
		}
	}

	@Test
	void statesTheDefaultClientAndOrgsItUsed() {
		try (ConfigurableApplicationContext context = run(new StandardEnvironment(), "cobo.simulator.embedded=auto")) {
			assertThat(context.getEnvironment().getProperty("cobo.simulator.client-id")).isEqualTo("sim-client");
			assertThat(context.getEnvironment().getProperty("cobo.simulator.org-ids")).isEqualTo("org-1,org-2");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "cobo.base-url=https://cobo-proxy.internal/v2", "cobo.env=sandbox",
			"cobo.app.client-id=my-real-portal-app", "cobo.app.private-key=0123",
			"cobo.app.private-key-location=file:/etc/cobo/app-key", "cobo.api-key.private-key=0123",
			"cobo.api-key.private-key-location=file:/etc/cobo/api-key", "cobo.token-store.type=jdbc" })
	void leavesARealCoboAlone(String realCobo) {
		try (ConfigurableApplicationContext context = run(new StandardEnvironment(), "cobo.simulator.embedded=auto",
				realCobo)) {
			assertThat(context.containsBean(CoboSimulatorEnvironmentPostProcessor.NAME)).isFalse();
			assertThat(context.getEnvironment().getPropertySources()
				.contains(CoboSimulatorEnvironmentPostProcessor.NAME)).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "COBO_BASE_URL", "COBO_ENV" })
	void leavesARealCoboNamedByAnEnvironmentVariableAlone(String variable) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of(variable, variable.equals("COBO_ENV") ? "sandbox" : "https://cobo-proxy.internal/v2")));

		try (ConfigurableApplicationContext context = run(environment, "cobo.simulator.embedded=auto")) {
			assertThat(context.containsBean(CoboSimulatorEnvironmentPostProcessor.NAME)).isFalse();
		}
	}

	@Test
	void stopsTheSimulatorWithTheApplication() {
		ConfigurableApplicationContext context = run(new StandardEnvironment(), "cobo.simulator.embedded=auto");
		URI baseUrl = URI.create(context.getEnvironment().getProperty("cobo.base-url"));

		context.close();

		assertRefused(baseUrl);
	}

	@Test
	void stopsTheSimulatorWhenTheApplicationFailsToStart() {
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplicationBuilder failing = new SpringApplicationBuilder(FailingApplication.class)
			.web(WebApplicationType.NONE)
			.environment(environment)
			.properties("cobo.simulator.embedded=auto");

		assertThatException().isThrownBy(failing::run);

		assertRefused(URI.create(environment.getProperty("cobo.base-url")));
	}

	@Test
	void refusesAnUnknownMode() {
		assertThatException().isThrownBy(() -> run(new StandardEnvironment(), "cobo.simulator.embedded=sometimes"))
			.withStackTraceContaining("cobo.simulator.embedded");
	}

	private static ConfigurableApplicationContext run(ConfigurableEnvironment environment, String... properties) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.environment(environment)
			.properties(properties)
			.run();
	}

	private static CoboSigner key(ConfigurableApplicationContext context, String property) {
		String hex = context.getEnvironment().getProperty(property);
		return CoboSigner.of(KeyType.ED25519, hex, property);
	}

	private static void assertRefused(URI baseUrl) {
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
				socket.getInputStream();
			}
			catch (ConnectException ex) {
				throw ex;
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
		});
	}

	@SpringBootConfiguration
	static class Application {

	}

	@SpringBootConfiguration
	static class FailingApplication {

		@Bean
		String failing() {
			throw new IllegalStateException("fails on purpose");
		}

	}

}
