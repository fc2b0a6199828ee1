package dev.cobooauth.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each misconfiguration stops the application with a description and an action that name the
 * property, never the key. The analyzers run on the real failures of a starting context.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoboFailureAnalyzersTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class));

	private FailureAnalysis analysis(FailureAnalyzer analyzer, String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = analyzer.analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Test
	void aPrivateKeyOfTheWrongLength() {
		FailureAnalysis analysis = analysis(new InvalidCoboKeyFailureAnalyzer(), "cobo.app.client-id=app-1",
				"cobo.app.private-key=abc123");

		assertThat(analysis.getDescription()).contains("cobo.app.private-key").contains("6 hex characters");
		assertThat(analysis.getAction()).contains("cobo.app.private-key").contains("64 hex").contains("cobo.app.key-type");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("abc123");
	}

	@Test
	void aPublicKeyGivenForTheApiSecret() {
		String publicKey = TestKeys.signer(TestKeys.SECP256K1_SECRET, KeyType.SECP256K1)
			.publicKeyHex();
		FailureAnalysis analysis = analysis(new InvalidCoboKeyFailureAnalyzer(), "cobo.api-key.private-key=" + publicKey);

		assertThat(analysis.getDescription()).contains("cobo.api-key.private-key").contains("public key");
		assertThat(analysis.getAction()).startsWith("Set cobo.api-key.private-key");
	}

	@Test
	void aKeyFileThatHoldsNoKey(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("cobo-app"), "-----BEGIN PRIVATE KEY-----\n");
		FailureAnalysis analysis = analysis(new InvalidCoboKeyFailureAnalyzer(), "cobo.app.client-id=app-1",
				"cobo.app.private-key-location=file:" + file);

		assertThat(analysis.getDescription()).contains("cobo.app.private-key-location").contains("PEM");
		assertThat(analysis.getAction()).contains("cobo.app.private-key-location");
	}

	@Test
	void aMalformedResponseKey() {
		FailureAnalysis analysis = analysis(new InvalidCoboKeyFailureAnalyzer(),
				"cobo.base-url=http://127.0.0.1:8089/v2", "cobo.response-verification.public-key=zz");

		assertThat(analysis.getDescription()).contains("cobo.response-verification.public-key");
		assertThat(analysis.getAction()).startsWith("Set cobo.response-verification.public-key");
	}

	@Test
	void anUnknownEnvironment() {
		FailureAnalysis analysis = analysis(new CoboBindFailureAnalyzer(), "cobo.env=staging");

		assertThat(analysis.getDescription()).contains("cobo.env").contains("'staging'").contains("dev, sandbox, prod");
		assertThat(analysis.getAction()).startsWith("Set cobo.env to one of: dev, sandbox, prod.")
			.contains("cobo.base-url");
	}

	@Test
	void anUnknownKeyType() {
		FailureAnalysis analysis = analysis(new CoboBindFailureAnalyzer(), "cobo.app.key-type=rsa");

		assertThat(analysis.getDescription()).contains("cobo.app.key-type").contains("'rsa'");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.app.key-type to one of: ed25519, secp256k1.");
	}

	@Test
	void leavesOtherBindingFailuresToSpringBoot() {
		this.runner.withPropertyValues("cobo.token.clock-skew=soon")
			.run((context) -> assertThat(new CoboBindFailureAnalyzer().analyze(context.getStartupFailure())).isNull());
	}

	@Test
	void aCustomBaseUrlWithoutItsResponseKey() {
		FailureAnalysis analysis = analysis(new InvalidCoboPropertyFailureAnalyzer(),
				"cobo.base-url=http://127.0.0.1:8089/v2");

		assertThat(analysis.getDescription()).contains("cobo.response-verification.public-key")
			.contains("is required when cobo.base-url is set");
		assertThat(analysis.getAction()).contains("cobo.response-verification.enabled=false");
	}

	@Test
	void anAppKeyWithoutClientId() {
		FailureAnalysis analysis = analysis(new InvalidCoboPropertyFailureAnalyzer(),
				"cobo.app.private-key=" + TestKeys.APP_SECRET);

		assertThat(analysis.getDescription()).isEqualTo(
				"Cobo is misconfigured: property cobo.app.client-id is missing while an app key is configured.");
		assertThat(analysis.getAction()).contains("client ID");
	}

	@Test
	void stopsARealApplicationWithTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("cobo.env", "staging", "spring.main.banner-mode", "off"));

		// Boot's logging system stays out, so the other tests of this JVM keep their logging set-up.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			assertThatException().isThrownBy(application::run);
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property cobo.env is 'staging'")
			.contains("Set cobo.env to one of: dev, sandbox, prod.");
	}

	@Test
	void explainsAValueRefusedWhileBindingBeforeSpringBootDoes(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("cobo.token.retry.max-attempts", "0", "spring.main.banner-mode", "off"));

		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			assertThatException().isThrownBy(application::run);
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}

		// Boot's BindFailureAnalyzer would describe the same failure as "Failed to bind properties under 'cobo'".
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cobo is misconfigured: property cobo.token.retry.max-attempts must be 1 or more; the value "
					+ "given is '0'.")
			.contains("Set cobo.token.retry.max-attempts to 1 or more (default 3).")
			.doesNotContain("Failed to bind properties");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CoboSigningAutoConfiguration.class)
	static class Application {

	}

}
