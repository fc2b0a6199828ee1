package dev.cobooauth.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproduces the official vectors made with Cobo's JavaScript SDK: every Ed25519 signature byte for
 * byte, on BouncyCastle and on AWS-LC alike, every secp256k1 signature verified, and ours verified
 * with the same key.
 */
class SigningVectorsTest {

	static Stream<Arguments> ed25519Vectors() throws IOException {
		List<Named<JsonNode>> vectors = vectors("ed25519").toList();
		return Stream.of(CryptoProvider.BOUNCY_CASTLE, CryptoProvider.AWS_LC)
			.flatMap((provider) -> vectors.stream().map((vector) -> Arguments.of(provider, vector)));
	}

	static Stream<Named<JsonNode>> secp256k1Vectors() throws IOException {
		return vectors("secp256k1");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("ed25519Vectors")
	void ed25519SignatureMatchesTheSdkByteForByte(CryptoProvider provider, JsonNode vector) {
		CoboSigner signer = KeyType.ED25519.newSigner(PrivateKeySecret.fromHex(text(vector, "private_key_hex"), "vector"),
				provider);
		byte[] digest = digestOf(vector);

		assertThat(HexFormat.of().formatHex(digest)).isEqualTo(text(vector, "double_sha256_hex"));
		assertThat(signer.publicKeyHex()).isEqualTo(text(vector, "public_key_hex"));
		assertThat(signer.sign(digest)).isEqualTo(text(vector, "signature_hex"));
	}

	@ParameterizedTest
	@MethodSource("secp256k1Vectors")
	void secp256k1SignatureOfTheSdkVerifiesAndOursToo(JsonNode vector) {
		CoboSigner signer = KeyType.SECP256K1.newSigner(PrivateKeySecret.fromHex(text(vector, "private_key_hex"), "vector"));
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.SECP256K1, text(vector, "public_key_hex"), "vector");
		byte[] digest = digestOf(vector);

		assertThat(HexFormat.of().formatHex(digest)).isEqualTo(text(vector, "double_sha256_hex"));
		assertThat(signer.publicKeyHex()).isEqualTo(text(vector, "public_key_hex"));
		assertThat(verifier.verify(digest, text(vector, "signature_hex"))).isTrue();
		assertThat(verifier.verify(digest, signer.sign(digest))).isTrue();
	}

	@ParameterizedTest
	@MethodSource("secp256k1Vectors")
	void secp256k1SignatureIsDeterministicLowSLikeTheSdks(JsonNode vector) {
		CoboSigner signer = KeyType.SECP256K1.newSigner(PrivateKeySecret.fromHex(text(vector, "private_key_hex"), "vector"));

		// RFC 6979 with low-S, as the JS SDK's elliptic does: the same bytes.
		assertThat(signer.sign(digestOf(vector))).isEqualTo(text(vector, "signature_hex"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("ed25519Vectors")
	void ed25519SignatureOfTheSdkVerifiesInEitherLetterCase(CryptoProvider provider, JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector",
				provider);
		String signature = text(vector, "signature_hex");

		assertThat(verifier.verify(digestOf(vector), signature)).isTrue();
		assertThat(verifier.verify(digestOf(vector), signature.toUpperCase())).isTrue();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("ed25519Vectors")
	void aMangledEd25519SignatureIsRefusedWithoutAnError(CryptoProvider provider, JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector",
				provider);
		byte[] digest = digestOf(vector);
		String signature = text(vector, "signature_hex");
		char otherDigit = (signature.charAt(signature.length() - 1) == '0') ? '1' : '0';
		String oneDigitOff = signature.substring(0, signature.length() - 1) + otherDigit;

		assertThat(verifier.verify(digest, oneDigitOff)).isFalse();
		assertThat(verifier.verify(digest, signature.substring(2))).as("a byte short").isFalse();
		assertThat(verifier.verify(digest, signature + "00")).as("a byte too many").isFalse();
		assertThat(verifier.verify(digest, "")).isFalse();
		assertThat(verifier.verify(digest, "zz" + signature.substring(2))).as("not hex").isFalse();
		assertThat(verifier.verify(digest, null)).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("ed25519Vectors")
	void aSignatureOverAnotherDigestDoesNotVerify(CryptoProvider provider, JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector",
				provider);
		byte[] other = SigningDigest.ofRequest("GET", "/v2/other", text(vector, "nonce"), "", new byte[0]);

		assertThat(verifier.verify(other, text(vector, "signature_hex"))).isFalse();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("ed25519Vectors")
	void aSignatureWhoseScalarIsNotReducedIsRefused(CryptoProvider provider, JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector",
				provider);
		byte[] signature = HexFormat.of().parseHex(text(vector, "signature_hex"));
		// S + L, little-endian: the same point equation, a different encoding (RFC 8032 5.1.7 refuses it).
		byte[] order = HexFormat.of().parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
		int carry = 0;
		for (int i = 0; i < 32; i++) {
			int sum = (signature[32 + i] & 0xff) + (order[i] & 0xff) + carry;
			signature[32 + i] = (byte) sum;
			carry = sum >> 8;
		}

		assertThat(verifier.verify(digestOf(vector), HexFormat.of().formatHex(signature))).isFalse();
	}

	private static byte[] digestOf(JsonNode vector) {
		byte[] digest = SigningDigest.ofRequest(text(vector, "method"), text(vector, "path"), text(vector, "nonce"),
				text(vector, "query"), text(vector, "body").getBytes(StandardCharsets.UTF_8));
		String joined = text(vector, "method") + "|" + text(vector, "path") + "|" + text(vector, "nonce") + "|"
				+ text(vector, "query") + "|" + text(vector, "body");
		assertThat(joined).isEqualTo(text(vector, "str_to_sign"));
		return digest;
	}

	private static String text(JsonNode vector, String field) {
		return vector.get(field).asString();
	}

	private static Stream<Named<JsonNode>> vectors(String curve) throws IOException {
		try (InputStream in = SigningVectorsTest.class.getResourceAsStream("/signing-vectors.json")) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			List<Named<JsonNode>> selected = new ArrayList<>();
			for (JsonNode vector : root.get("vectors")) {
				if (curve.equals(vector.get("curve").asString())) {
					selected.add(Named.of(vector.get("id").asInt() + ": " + vector.get("description").asString(), vector));
				}
			}
			assertThat(selected).isNotEmpty();
			return selected.stream();
		}
	}

}
