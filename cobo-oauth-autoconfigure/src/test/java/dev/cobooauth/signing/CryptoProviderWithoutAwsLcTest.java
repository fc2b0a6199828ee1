package dev.cobooauth.signing;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which code computes the signatures when Amazon Corretto Crypto Provider is not on the class
 * path: run by its own Surefire execution, which leaves the provider out.
 */
class CryptoProviderWithoutAwsLcTest {

	@Test
	void autoFallsBackToBouncyCastleSayingWhy() {
		assertThat(CryptoProvider.AUTO.resolve()).isEqualTo(CryptoProvider.BOUNCY_CASTLE);
		assertThat(CryptoProvider.AUTO.describe())
			.isEqualTo("BouncyCastle (Amazon Corretto Crypto Provider is not on the class path)");
		assertThat(CoboSigner.of(KeyType.ED25519, TestKeys.APP_SECRET, "test")).isInstanceOf(Ed25519CoboSigner.class);
	}

	@Test
	void awsLcCannotBeHadWithoutTheProvider() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CoboSigner.of(KeyType.ED25519, TestKeys.APP_SECRET, "test", CryptoProvider.AWS_LC))
			.withMessage("Amazon Corretto Crypto Provider is not on the class path");
	}

}
