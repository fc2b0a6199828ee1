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
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproduces the official vectors made with Cobo's JavaScript SDK: every Ed25519 signature byte for
 * byte, every secp256k1 signature verified, and ours verified with the same key.
 */
class SigningVectorsTest {

	static Stream<Named<JsonNode>> ed25519Vectors() throws IOException {
		return vectors("ed25519");
	}

	static Stream<Named<JsonNode>> secp256k1Vectors() throws IOException {
		return vectors("secp256k1");
	}

	@ParameterizedTest
	@MethodSource("ed25519Vectors")
	void ed25519SignatureMatchesTheSdkByteForByte(JsonNode vector) {
		CoboSigner signer = KeyType.ED25519.newSigner(PrivateKeySecret.fromHex(text(vector, "private_key_hex"), "vector"));
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

	@ParameterizedTest
	@MethodSource("ed25519Vectors")
	void ed25519SignatureOfTheSdkVerifiesInEitherLetterCase(JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector");
		String signature = text(vector, "signature_hex");

		assertThat(verifier.verify(digestOf(vector), signature)).isTrue();
		assertThat(verifier.verify(digestOf(vector), signature.toUpperCase())).isTrue();
	}

	@ParameterizedTest
	@MethodSource("ed25519Vectors")
	void aMangledEd25519SignatureIsRefusedWithoutAnError(JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector");
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

	@ParameterizedTest
	@MethodSource("ed25519Vectors")
	void aSignatureOverAnotherDigestDoesNotVerify(JsonNode vector) {
		CoboSignatureVerifier verifier = CoboSignatureVerifier.of(KeyType.ED25519, text(vector, "public_key_hex"), "vector");
		byte[] other = SigningDigest.ofRequest("GET", "/v2/other", text(vector, "nonce"), "", new byte[0]);

		assertThat(verifier.verify(other, text(vector, "signature_hex"))).isFalse();
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
