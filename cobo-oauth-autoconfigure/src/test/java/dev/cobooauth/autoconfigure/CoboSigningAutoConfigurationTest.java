package dev.cobooauth.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboEnvironment;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.InvalidCoboKeyException;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CoboSigningAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(CoboSigningAutoConfiguration.class, CoboApiKeyClientsAutoConfiguration.class));

	@Test
	void talksToTheDevEnvironmentByDefault() {
		this.runner.run((context) -> {
			CoboEndpoint endpoint = context.getBean(CoboEndpoint.class);
			assertThat(endpoint.baseUrl()).hasToString("https://api.dev.cobo.com/v2");
			assertThat(endpoint.responsePublicKeyHex()).isEqualTo(CoboEnvironment.DEV.getResponsePublicKeyHex());
		});
	}

	@Test
	void followsTheConfiguredEnvironment() {
		this.runner.withPropertyValues("cobo.env=prod").run((context) -> {
			CoboEndpoint endpoint = context.getBean(CoboEndpoint.class);
			assertThat(endpoint.baseUrl()).hasToString("https://api.cobo.com/v2");
			assertThat(endpoint.responsePublicKeyHex())
				.isEqualTo(CoboEnvironment.PROD.getResponsePublicKeyHex());
		});
	}

	@Test
	void refusesAnUnknownEnvironmentNamingTheProperty() {
		this.runner.withPropertyValues("cobo.env=staging")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("staging"));
		this.runner.withPropertyValues("cobo.env=staging")
			.run((context) -> assertThat(context.getStartupFailure()).hasMessageContaining("cobo"));
	}

	@Test
	void takesACustomBaseUrlWithItsResponseKeyAndDropsATrailingSlash() {
		this.runner
			.withPropertyValues("cobo.base-url=http://127.0.0.1:8089/v2/",
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey())
			.run((context) -> {
				CoboEndpoint endpoint = context.getBean(CoboEndpoint.class);
				assertThat(endpoint.baseUrl()).hasToString("http://127.0.0.1:8089/v2");
				assertThat(endpoint.responsePublicKeyHex()).isEqualTo(TestKeys.coboPublicKey());
			});
	}

	@Test
	void refusesACustomBaseUrlWithoutAResponseKeyWhileVerifying() {
		this.runner.withPropertyValues("cobo.base-url=http://127.0.0.1:8089/v2")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("default message [cobo.response-verification.public-key is required when "
						+ "cobo.base-url is set"));
	}

	@Test
	void verifiesNothingWhenVerificationIsOff() {
		this.runner
			.withPropertyValues("cobo.base-url=http://127.0.0.1:8089/v2", "cobo.response-verification.enabled=false")
			.run((context) -> assertThat(context.getBean(CoboEndpoint.class).responsePublicKeyHex()).isNull());
	}

	@Test
	void warnsAtEveryStartupWhileVerificationIsOff(CapturedOutput output) {
		this.runner
			.withPropertyValues("cobo.base-url=http://127.0.0.1:8089/v2", "cobo.response-verification.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(output).containsOnlyOnce("WARN")
			.contains("cobo.response-verification.enabled=false: answers from http://127.0.0.1:8089/v2 reach the "
					+ "application without any check that Cobo sent them");
	}

	@Test
	void warnsOfNothingWhileVerificationIsOn(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());

		assertThat(output).doesNotContain("cobo.response-verification.enabled");
	}

	@Test
	void refusesAMalformedBaseUrl() {
		this.runner
			.withPropertyValues("cobo.base-url=127.0.0.1:8089/v2",
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("on field 'baseUrl': rejected value [127.0.0.1:8089/v2]")
				.hasMessageContaining("default message [cobo.base-url is not a valid base URL"));
	}

	@Test
	void refusesAMalformedResponseKey() {
		this.runner
			.withPropertyValues("cobo.base-url=http://127.0.0.1:8089/v2", "cobo.response-verification.public-key=abc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidCoboKeyException.class)
				.hasMessageStartingWith("cobo.response-verification.public-key:"));
	}

	@Test
	void buildsTheAppKeySignerFromProperties() {
		this.runner.withPropertyValues("cobo.app.client-id=app", "cobo.app.private-key=" + TestKeys.APP_SECRET)
			.run((context) -> assertThat(context.getBean("coboAppKeySigner", CoboSigner.class).publicKeyHex())
				.isEqualTo(TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519).publicKeyHex()));
	}

	@Test
	void buildsASecp256k1SignerWhenAskedTo() {
		this.runner
			.withPropertyValues("cobo.app.client-id=app", "cobo.app.private-key=" + TestKeys.SECP256K1_SECRET,
					"cobo.app.key-type=secp256k1")
			.run((context) -> assertThat(context.getBean("coboAppKeySigner", CoboSigner.class).publicKeyHex())
				.hasSize(66));
	}

	@Test
	void readsTheKeyFromAFile(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("cobo-app"), TestKeys.APP_SECRET + "\n");
		this.runner.withPropertyValues("cobo.app.client-id=app", "cobo.app.private-key-location=file:" + file)
			.run((context) -> assertThat(context).hasBean("coboAppKeySigner"));
	}

	@Test
	void namesTheFileWhenItIsMissing(@TempDir Path dir) {
		this.runner
			.withPropertyValues("cobo.app.client-id=app", "cobo.app.private-key-location=file:" + dir.resolve("none"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cobo.app.private-key-location (")
				.hasMessageContaining("does not exist"));
	}

	@Test
	void refusesAKeyGivenTwice(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("cobo-app"), TestKeys.APP_SECRET);
		this.runner
			.withPropertyValues("cobo.app.client-id=app", "cobo.app.private-key=" + TestKeys.APP_SECRET,
					"cobo.app.private-key-location=file:" + file)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("cobo.app.private-key-location is set together with cobo.app.private-key")
				.hasMessageNotContaining(TestKeys.APP_SECRET));
	}

	@Test
	void namesThePropertyOfABadKeyWithoutShowingIt() {
		String bad = TestKeys.APP_SECRET.substring(2);
		this.runner.withPropertyValues("cobo.app.client-id=app", "cobo.app.private-key=" + bad)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidCoboKeyException.class)
				.hasMessageStartingWith("cobo.app.private-key: has 62 hex characters")
				.hasMessageNotContaining(bad.substring(0, 16)));
	}

	@Test
	void refusesAnAppKeyWithoutClientId() {
		this.runner.withPropertyValues("cobo.app.private-key=" + TestKeys.APP_SECRET)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("default message [cobo.app.client-id is missing while an app key is configured")
				.hasMessageNotContaining(TestKeys.APP_SECRET));
	}

	@Test
	void createsNoSignerWithoutKeys() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("coboAppKeySigner")
			.doesNotHaveBean("coboApiKeySigner")
			.doesNotHaveBean("coboApiKeyRestClient")
			.doesNotHaveBean("coboApiKeyWebClient"));
	}

	@Test
	void buildsTheApiKeyClientsOnlyWithAnApiKey() {
		this.runner.withPropertyValues("cobo.api-key.private-key=" + TestKeys.API_SECRET)
			.run((context) -> assertThat(context).hasBean("coboApiKeySigner")
				.hasBean("coboApiKeyRestClient")
				.hasBean("coboApiKeyWebClient")
				.doesNotHaveBean("coboAppKeySigner"));
	}

	@Test
	void usesTheApplicationsOwnSignerInstead() {
		this.runner.withUserConfiguration(KmsSignerConfiguration.class)
			.run((context) -> assertThat(context.getBean("coboApiKeySigner")).isSameAs(KmsSignerConfiguration.SIGNER)
				.satisfies((signer) -> assertThat(context).hasBean("coboApiKeyRestClient")));
	}

	@Test
	void backsOffFromTheApplicationsOwnClient() {
		this.runner.withUserConfiguration(OwnClientConfiguration.class)
			.withPropertyValues("cobo.api-key.private-key=" + TestKeys.API_SECRET)
			.run((context) -> assertThat(context.getBean("coboApiKeyRestClient")).isSameAs(OwnClientConfiguration.CLIENT));
	}

	@Configuration(proxyBeanMethods = false)
	static class KmsSignerConfiguration {

		static final CoboSigner SIGNER = TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519);

		@Bean
		CoboSigner coboApiKeySigner() {
			return SIGNER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		static final RestClient CLIENT = RestClient.create();

		@Bean
		RestClient coboApiKeyRestClient() {
			return CLIENT;
		}

	}

}
