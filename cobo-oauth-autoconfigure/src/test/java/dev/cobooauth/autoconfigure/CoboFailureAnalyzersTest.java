package dev.cobooauth.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key that cannot be used stops the application with a description and an action that name the
 * property, never the key. The analyzer runs on the real failures of a starting context. Values
 * refused while binding are explained by Spring Boot ({@link CoboPropertiesFailureAnalysisTest}).
 */
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

}
