package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CryptoProvider;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cobo.crypto.provider} in an application without Amazon Corretto Crypto Provider: run by
 * its own Surefire execution, which leaves the provider out of the class path.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoboCryptoProviderWithoutAwsLcTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class))
		.withPropertyValues("cobo.api-key.private-key=" + TestKeys.API_SECRET);

	@Test
	void fallsBackToBouncyCastleAndSaysWhy(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context.getBean(CryptoProvider.class))
			.isEqualTo(CryptoProvider.BOUNCY_CASTLE));
		assertThat(output).contains(
				"Cobo signatures: Ed25519 on BouncyCastle (Amazon Corretto Crypto Provider is not on the class path)");
	}

	@Test
	void stopsStartupWhenAwsLcIsRequiredNamingThePropertyAndTheDependency() {
		this.runner.withPropertyValues("cobo.crypto.provider=aws-lc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (failure) -> {
					assertThat(failure.getName()).isEqualTo("cobo.crypto.provider");
					assertThat(failure.getValue()).isEqualTo("aws-lc");
					assertThat(failure.getReason()).contains("Amazon Corretto Crypto Provider is not on the class path")
						.contains("software.amazon.cryptools:AmazonCorrettoCryptoProvider")
						.contains("linux-x86_64")
						.contains("set cobo.crypto.provider to auto");
				});
		});
	}

}
