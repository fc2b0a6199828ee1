package dev.cobooauth.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@ParameterizedTest
	@EnumSource(names = { "BOUNCY_CASTLE", "AWS_LC" })
	void aDeliveryVerifierOnEitherProviderTakesCobosDeliveryAndRefusesATamperedOne(CryptoProvider provider) {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		CoboDeliveryVerifier verifier = CoboDeliveryVerifier.builder(TestKeys.coboPublicKey(), "test")
			.cryptoProvider(provider)
			.clock(Clock.fixed(now, ZoneOffset.UTC))
			.build();
		String timestamp = Long.toString(now.toEpochMilli());
		byte[] body = "{\"event\":\"wallets.transaction.succeeded\"}".getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = new HttpHeaders();
		headers.set("BIZ-TIMESTAMP", timestamp);
		headers.set("BIZ-RESP-SIGNATURE", TestKeys.cobo().sign(SigningDigest.ofResponse(body, timestamp)));

		byte[] tampered = "{\"event\":\"wallets.transaction.failed\"}".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(CoboDeliveryVerificationException.class)
			.isThrownBy(() -> verifier.verify(headers, tampered))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(CoboDeliveryVerificationException.Reason.INVALID_SIGNATURE));
		assertThat(verifier.verify(headers, body).body()).isEqualTo(body);
	}

	@Test
	void theKeyNeverAppearsInTheSignersDescription() {
		assertThat(signer(KeyType.ED25519, CryptoProvider.AWS_LC).toString()).doesNotContain(TestKeys.APP_SECRET);
	}

	private static CoboSigner signer(KeyType keyType, CryptoProvider provider) {
		return CoboSigner.of(keyType, TestKeys.APP_SECRET, "test", provider);
	}

}
