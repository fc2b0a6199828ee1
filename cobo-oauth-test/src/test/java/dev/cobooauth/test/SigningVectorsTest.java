package dev.cobooauth.test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import dev.cobooauth.signing.KeyType;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's own signing code against the official vectors made with Cobo's JavaScript SDK
 * ({@code signing-vectors.json}, the same file the starter's tests read): its digest, its signature
 * checks, its Ed25519 signing and its key derivation agree with Cobo's, independently of the starter.
 */
class SigningVectorsTest {

	static Stream<Named<JsonNode>> allVectors() throws IOException {
		return vectors(null);
	}

	static Stream<Named<JsonNode>> ed25519Vectors() throws IOException {
		return vectors("ed25519");
	}

	static Stream<Named<JsonNode>> secp256k1Vectors() throws IOException {
		return vectors("secp256k1");
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void digestIsTheOneTheSdkSigned(JsonNode vector) {
		assertThat(HexFormat.of().formatHex(digestOf(vector))).isEqualTo(text(vector, "double_sha256_hex"));
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void acceptsTheSignatureOfTheSdk(JsonNode vector) {
		assertThat(verifierOf(vector).verify(digestOf(vector), text(vector, "signature_hex"))).isTrue();
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void acceptsTheSignatureInUpperCaseHex(JsonNode vector) {
		assertThat(verifierOf(vector).verify(digestOf(vector), text(vector, "signature_hex").toUpperCase())).isTrue();
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void rejectsTheSignatureWithAnyOneByteChanged(JsonNode vector) {
		SignatureVerifier verifier = verifierOf(vector);
		byte[] digest = digestOf(vector);
		byte[] signature = HexFormat.of().parseHex(text(vector, "signature_hex"));

		for (int i = 0; i < signature.length; i++) {
			byte[] changed = signature.clone();
			changed[i] ^= 0x01;
			assertThat(verifier.verify(digest, changed)).as("signature byte %d changed", i).isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void rejectsTheSignatureOverADigestWithAnyOneByteChanged(JsonNode vector) {
		SignatureVerifier verifier = verifierOf(vector);
		byte[] digest = digestOf(vector);
		byte[] signature = HexFormat.of().parseHex(text(vector, "signature_hex"));

		for (int i = 0; i < digest.length; i++) {
			byte[] changed = digest.clone();
			changed[i] ^= 0x01;
			assertThat(verifier.verify(changed, signature)).as("digest byte %d changed", i).isFalse();
		}
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void rejectsTheSignatureOfAnotherRequest(JsonNode vector) {
		byte[] other = CoboDigest.ofRequest("GET", "/v2/other", text(vector, "nonce"), "", new byte[0]);

		assertThat(verifierOf(vector).verify(other, text(vector, "signature_hex"))).isFalse();
	}

	/**
	 * Plain ECDSA accepts {@code (r, n - s)} as well as {@code (r, s)}, and so does the starter's own
	 * verifier; the simulator accepts exactly what that verifier accepts, so that no test changes meaning.
	 */
	@ParameterizedTest
	@MethodSource("secp256k1Vectors")
	void acceptsTheHighSTwinOfASecp256k1Signature(JsonNode vector) throws IOException {
		ASN1Sequence lowS = ASN1Sequence.getInstance(HexFormat.of().parseHex(text(vector, "signature_hex")));
		BigInteger r = ASN1Integer.getInstance(lowS.getObjectAt(0)).getValue();
		BigInteger s = ASN1Integer.getInstance(lowS.getObjectAt(1)).getValue();
		BigInteger highS = Secp256k1Curve.DOMAIN.getN().subtract(s);
		byte[] twin = new DERSequence(new ASN1Integer[] { new ASN1Integer(r), new ASN1Integer(highS) }).getEncoded();

		assertThat(highS).isGreaterThan(s);
		assertThat(verifierOf(vector).verify(digestOf(vector), twin)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("allVectors")
	void derivesThePublicKeyOfTheVectorsPrivateKey(JsonNode vector) {
		byte[] secret = HexFormat.of().parseHex(text(vector, "private_key_hex"));

		assertThat(HexFormat.of().formatHex(TestKeyPair.publicKeyOf(keyTypeOf(vector), secret)))
			.isEqualTo(text(vector, "public_key_hex"));
	}

	@ParameterizedTest
	@MethodSource("ed25519Vectors")
	void signsAnswersByteForByteAsTheSdkSigns(JsonNode vector) {
		ResponseSigningKey key = ResponseSigningKey.fromSeedHex(text(vector, "private_key_hex"), "vector");

		assertThat(key.publicKeyHex()).isEqualTo(text(vector, "public_key_hex"));
		assertThat(key.sign(digestOf(vector))).isEqualTo(text(vector, "signature_hex"));
	}

	private static SignatureVerifier verifierOf(JsonNode vector) {
		return SignatureVerifier.of(keyTypeOf(vector), text(vector, "public_key_hex"), "vector");
	}

	private static KeyType keyTypeOf(JsonNode vector) {
		return KeyType.valueOf(text(vector, "curve").toUpperCase());
	}

	private static byte[] digestOf(JsonNode vector) {
		String joined = String.join("|", text(vector, "method"), text(vector, "path"), text(vector, "nonce"),
				text(vector, "query"), text(vector, "body"));
		assertThat(joined).isEqualTo(text(vector, "str_to_sign"));
		return CoboDigest.ofRequest(text(vector, "method"), text(vector, "path"), text(vector, "nonce"),
				text(vector, "query"), text(vector, "body").getBytes(StandardCharsets.UTF_8));
	}

	private static String text(JsonNode vector, String field) {
		return vector.get(field).asString();
	}

	/** @param curve the vectors' {@code curve}, or {@code null} for every vector */
	private static Stream<Named<JsonNode>> vectors(String curve) throws IOException {
		try (InputStream in = SigningVectorsTest.class.getResourceAsStream("/signing-vectors.json")) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			List<Named<JsonNode>> selected = new ArrayList<>();
			for (JsonNode vector : root.get("vectors")) {
				if (curve == null || curve.equals(text(vector, "curve"))) {
					selected.add(Named.of(vector.get("id").asInt() + " " + text(vector, "curve") + ": "
							+ text(vector, "description"), vector));
				}
			}
			assertThat(selected).isNotEmpty();
			return selected.stream();
		}
	}

}
