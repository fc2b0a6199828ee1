package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CryptoProvider;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cobo.crypto.provider} with Amazon Corretto Crypto Provider on the class path;
 * {@link CoboCryptoProviderWithoutAwsLcTest} covers an application without it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CoboCryptoProviderAutoConfigurationTest {

	private static final String DIGEST_HEX = "9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class))
		.withPropertyValues("cobo.api-key.private-key=" + TestKeys.API_SECRET);

	@Test
	void usesAwsLcWhenItIsThereAndSaysSoOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context.getBean(CryptoProvider.class)).isEqualTo(CryptoProvider.AWS_LC);
			assertThat(signatureOf(context.getBean("coboApiKeySigner", CoboSigner.class))).isEqualTo(bouncyCastle());
		});
		assertThat(output).containsOnlyOnce("Cobo signatures: Ed25519 on AWS-LC (Amazon Corretto Crypto Provider 2.");
	}

	@Test
	void usesBouncyCastleWhenToldToAndSaysWhy(CapturedOutput output) {
		this.runner.withPropertyValues("cobo.crypto.provider=bouncy-castle").run((context) -> {
			assertThat(context.getBean(CryptoProvider.class)).isEqualTo(CryptoProvider.BOUNCY_CASTLE);
			assertThat(signatureOf(context.getBean("coboApiKeySigner", CoboSigner.class))).isEqualTo(bouncyCastle());
		});
		assertThat(output).contains("Cobo signatures: Ed25519 on BouncyCastle (cobo.crypto.provider=bouncy-castle)");
	}

	@Test
	void startsWithAwsLcWhenItIsRequiredAndThere() {
		this.runner.withPropertyValues("cobo.crypto.provider=aws-lc")
			.run((context) -> assertThat(context.getBean(CryptoProvider.class)).isEqualTo(CryptoProvider.AWS_LC));
	}

	@Test
	void refusesAnUnknownProviderNamingTheProperty() {
		this.runner.withPropertyValues("cobo.crypto.provider=openssl")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("cobo.crypto.provider"));
	}

	private static String signatureOf(CoboSigner signer) {
		return signer.sign(java.util.HexFormat.of().parseHex(DIGEST_HEX));
	}

	private static String bouncyCastle() {
		return signatureOf(CoboSigner.of(KeyType.ED25519, TestKeys.API_SECRET, "test", CryptoProvider.BOUNCY_CASTLE));
	}

}
