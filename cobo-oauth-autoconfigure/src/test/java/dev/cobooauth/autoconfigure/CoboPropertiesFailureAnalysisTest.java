package dev.cobooauth.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when a {@code cobo.*} value is wrong: a real application stops, and Spring
 * Boot's failure analysis names the property, the value given (never a key) and what is accepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoboPropertiesFailureAnalysisTest {

	private static void start(String... properties) {
		Map<String, Object> values = new HashMap<>();
		values.put("spring.main.banner-mode", "off");
		for (String property : properties) {
			int equals = property.indexOf('=');
			values.put(property.substring(0, equals), property.substring(equals + 1));
		}
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(values);
		// Boot's logging system stays out, so the other tests of this JVM keep their logging set-up.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			assertThatException().isThrownBy(application::run);
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
	}

	@Test
	void aNegativeDuration(CapturedOutput output) {
		start("cobo.token.read-timeout=-1500ms");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.token.readTimeout")
			.contains("Value: \"PT-1.5S\"")
			.contains("Reason: cobo.token.read-timeout must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void aDurationOfZero(CapturedOutput output) {
		start("cobo.webhook.tolerance=0s");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.webhook.tolerance")
			.contains("Value: \"PT0S\"")
			.contains("Origin: \"cobo.webhook.tolerance\" from property source \"defaultProperties\"")
			.contains("Reason: cobo.webhook.tolerance must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void aDataSizeOutOfRange(CapturedOutput output) {
		start("cobo.webhook.max-body-size=2GB");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.webhook.maxBodySize")
			.contains("Value: \"2147483648B\"")
			.contains("Reason: cobo.webhook.max-body-size must be between 1B and 2047MB. Set it to a size between 1B "
					+ "and 2047MB.");
	}

	@Test
	void anUnknownEnvironment(CapturedOutput output) {
		start("cobo.env=staging");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.env")
			.contains("Value: \"staging\"")
			.contains("The following values are valid:")
			.contains("DEV")
			.contains("SANDBOX")
			.contains("PROD");
	}

	@Test
	void anUnknownKeyType(CapturedOutput output) {
		start("cobo.app.key-type=rsa");

		assertThat(output).contains("Property: cobo.app.key-type")
			.contains("Value: \"rsa\"")
			.contains("The following values are valid:")
			.contains("ED25519")
			.contains("SECP256K1");
	}

	@Test
	void aMalformedAppKeyWithoutShowingIt(CapturedOutput output) {
		String malformed = TestKeys.APP_SECRET.substring(1) + "z";
		start("cobo.app.client-id=app-1", "cobo.app.private-key=" + malformed);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The Cobo key given by cobo.app.private-key cannot be used")
			.contains("Set cobo.app.private-key (or the file of cobo.app.private-key-location) to the 32-byte secret "
					+ "as 64 hex characters")
			.doesNotContain(malformed);
	}

	@Test
	void aMalformedEncryptionKeyWithoutShowingIt(CapturedOutput output) {
		String malformed = "f00dfeedf00dfeedf00dfeedf00dfeed";
		start("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + malformed);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.tokenStore.encryptionKey")
			.contains("Value: \"(hidden)\"")
			.contains("Reason: cobo.token-store.encryption-key is not 64 hex characters (32 characters given). Set it "
					+ "to a 32-byte AES key as 64 hex characters, e.g. from 'openssl rand -hex 32'.")
			.doesNotContain(malformed);
	}

	@Test
	void anAppKeyWithoutItsClientId(CapturedOutput output) {
		start("cobo.app.private-key=" + TestKeys.APP_SECRET);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.app.clientId")
			.contains("Value: \"null\"")
			.contains("Reason: cobo.app.client-id is missing while an app key is configured. Set it to the client ID "
					+ "from your Portal App's published manifest.")
			.doesNotContain(TestKeys.APP_SECRET);
	}

	@Test
	void aMaxBackoffShorterThanTheInitialOne(CapturedOutput output) {
		start("cobo.token.retry.initial-backoff=2s", "cobo.token.retry.max-backoff=1s");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.token.retry.maxBackoff")
			.contains("Value: \"PT1S\"")
			.contains("Reason: cobo.token.retry.max-backoff must not be shorter than cobo.token.retry.initial-backoff "
					+ "(2000ms). Set it to cobo.token.retry.initial-backoff (2000ms) or more.");
	}

	@Test
	void aKeyGivenTwiceWithoutShowingIt(CapturedOutput output) {
		start("cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET,
				"cobo.app.private-key-location=file:/run/secrets/cobo-app");

		assertThat(output).contains("Property: cobo.app.privateKeyLocation")
			.contains("Reason: cobo.app.private-key-location is set together with cobo.app.private-key.")
			.doesNotContain(TestKeys.APP_SECRET);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoboSigningAutoConfiguration.class, CoboDeliveryVerifierAutoConfiguration.class,
			CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class })
	static class Application {

	}

}
