package dev.cobooauth.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which code computes the signatures, with Amazon Corretto Crypto Provider on the class path (as
 * it is in this module's tests; {@link CryptoProviderWithoutAwsLcTest} runs without it).
 */
class CryptoProviderTest {

	@Test
	void autoChoosesAwsLcWhenTheProviderIsThereAndHealthy() {
		assertThat(CryptoProvider.AUTO.resolve()).isEqualTo(CryptoProvider.AWS_LC);
		assertThat(CryptoProvider.AUTO.describe()).startsWith("AWS-LC (Amazon Corretto Crypto Provider 2.");
	}

	@Test
	void bouncyCastleIsUsedWhenChosenEvenWithTheProviderThere() {
		assertThat(CryptoProvider.BOUNCY_CASTLE.resolve()).isEqualTo(CryptoProvider.BOUNCY_CASTLE);
		assertThat(signer(KeyType.ED25519, CryptoProvider.BOUNCY_CASTLE)).isInstanceOf(Ed25519CoboSigner.class);
	}

	@Test
	void ed25519KeysSignOnAwsLcWhenItIsChosenOrFound() {
		assertThat(signer(KeyType.ED25519, CryptoProvider.AWS_LC)).isInstanceOf(AwsLcEd25519CoboSigner.class);
		assertThat(signer(KeyType.ED25519, CryptoProvider.AUTO)).isInstanceOf(AwsLcEd25519CoboSigner.class);
	}

	@Test
	void secp256k1KeysSignWithBouncyCastleWhateverIsChosen() {
		// RFC 6979 signatures are deterministic; Corretto's ECDSA draws a random nonce.
		assertThat(signer(KeyType.SECP256K1, CryptoProvider.AWS_LC)).isInstanceOf(Secp256k1CoboSigner.class);
	}

	@Test
	void bothProvidersGiveTheSamePublicKeyAndSignature() {
		CoboSigner awsLc = signer(KeyType.ED25519, CryptoProvider.AWS_LC);
		CoboSigner bouncyCastle = signer(KeyType.ED25519, CryptoProvider.BOUNCY_CASTLE);
		byte[] digest = SigningDigest.ofRequest("GET", "/v2/wallets", "1", "limit=10", new byte[0]);

		assertThat(awsLc.publicKeyHex()).isEqualTo(bouncyCastle.publicKeyHex());
		assertThat(awsLc.sign(digest)).isEqualTo(bouncyCastle.sign(digest));
	}

	@Test
	void anAwsLcSignerSignsCorrectlyFromManyThreadsAtOnce() throws Exception {
		CoboSigner awsLc = signer(KeyType.ED25519, CryptoProvider.AWS_LC);
		CoboSigner bouncyCastle = signer(KeyType.ED25519, CryptoProvider.BOUNCY_CASTLE);
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, awsLc.publicKeyHex(), "test",
				CryptoProvider.AWS_LC);
		List<Callable<Boolean>> calls = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			byte[] digest = SigningDigest.ofRequest("POST", "/v2/transactions/transfer", Integer.toString(i), "",
					("{\"n\":" + i + "}").getBytes());
			calls.add(() -> {
				String signature = awsLc.sign(digest);
				return signature.equals(bouncyCastle.sign(digest)) && verifier.verify(digest, signature);
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			for (Future<Boolean> result : threads.invokeAll(calls)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theKeyNeverAppearsInTheSignersDescription() {
		assertThat(signer(KeyType.ED25519, CryptoProvider.AWS_LC).toString()).doesNotContain(TestKeys.APP_SECRET);
	}

	private static CoboSigner signer(KeyType keyType, CryptoProvider provider) {
		return CoboSigner.of(keyType, TestKeys.APP_SECRET, "test", provider);
	}

}
