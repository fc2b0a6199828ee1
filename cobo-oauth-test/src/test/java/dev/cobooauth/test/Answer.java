package dev.cobooauth.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.cobooauth.signing.KeyType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulator's answer as a test reads it.
 */
record Answer(HttpResponse<byte[]> response) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	int status() {
		return this.response.statusCode();
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	String text() {
		return new String(this.response.body(), StandardCharsets.UTF_8);
	}

	JsonNode json() {
		return JSON.readTree(this.response.body());
	}

	/** @return a string field of the JSON body */
	String field(String name) {
		return json().get(name).asString();
	}

	int errorCode() {
		return json().get("error_code").asInt();
	}

	/** @return whether the hyphen-spelled signature headers verify over the body with the key */
	boolean isSignedBy(String publicKeyHex) {
		return isSignedBy(publicKeyHex, ResponseHeaderSpelling.HYPHEN);
	}

	boolean isSignedBy(String publicKeyHex, ResponseHeaderSpelling spelling) {
		String timestamp = header(spelling.timestampHeader());
		String signature = header(spelling.signatureHeader());
		if (timestamp == null || signature == null) {
			return false;
		}
		return SignatureVerifier.of(KeyType.ED25519, publicKeyHex, "simulator")
			.verify(CoboDigest.ofResponse(this.response.body(), timestamp), signature);
	}

	@Override
	public String toString() {
		return "Answer[" + status() + " " + text() + "]";
	}

}
