package dev.cobooauth.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The baseline a user would write by hand instead of adding the starter: one interceptor that takes
 * the org's token from a map, signs the request with BouncyCastle (double SHA-256 of
 * {@code METHOD|path|nonce|query|body}, Ed25519) and verifies the answer's {@code BIZ-RESP-SIGNATURE}
 * over the body, which Spring's {@code RestClient.Builder#bufferContent} keeps for the caller to read
 * again. Nothing else: no token lifecycle, no retries, no observations, no error
 * mapping. What the starter costs beyond this is what its lifecycle and safety cost.
 */
final class HandWrittenCoboInterceptor implements ClientHttpRequestInterceptor {

	private static final HexFormat HEX = HexFormat.of();

	private final Ed25519PrivateKeyParameters appKey;

	private final String apiKeyHex;

	private final Ed25519PublicKeyParameters responseKey;

	private final Map<String, String> tokensByOrg;

	private final String org;

	/**
	 * @param appKeyHex the app key's Ed25519 seed, hex
	 * @param responseKeyHex Cobo's response key, hex
	 * @param tokensByOrg access tokens by org id
	 * @param org the org every call is made for
	 */
	HandWrittenCoboInterceptor(String appKeyHex, String responseKeyHex, Map<String, String> tokensByOrg, String org) {
		this.appKey = new Ed25519PrivateKeyParameters(HEX.parseHex(appKeyHex), 0);
		this.apiKeyHex = HEX.formatHex(this.appKey.generatePublicKey().getEncoded());
		this.responseKey = new Ed25519PublicKeyParameters(HEX.parseHex(responseKeyHex), 0);
		this.tokensByOrg = tokensByOrg;
		this.org = org;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String nonce = Long.toString(System.currentTimeMillis());
		String query = request.getURI().getRawQuery();
		String content = request.getMethod().name() + "|" + request.getURI().getRawPath() + "|" + nonce + "|"
				+ (query != null ? query : "") + "|" + new String(body, StandardCharsets.UTF_8);
		HttpHeaders headers = request.getHeaders();
		headers.set("BIZ-API-KEY", this.apiKeyHex);
		headers.set("BIZ-API-NONCE", nonce);
		headers.set("BIZ-API-SIGNATURE", signatureHex(content.getBytes(StandardCharsets.UTF_8)));
		headers.setBearerAuth(this.tokensByOrg.get(this.org));
		ClientHttpResponse response = execution.execute(request, body);
		byte[] responseBody = response.getBody().readAllBytes();
		try {
			verifyOrThrow(responseBody, response.getHeaders());
		}
		catch (IllegalStateException ex) {
			response.close();
			throw new IOException(ex.getMessage(), ex);
		}
		return response;
	}

	/** @return the app key's public key, hex, for {@code BIZ-API-KEY} */
	String apiKeyHex() {
		return this.apiKeyHex;
	}

	/**
	 * @param content the string to sign, UTF-8
	 * @return the hex Ed25519 signature of its double SHA-256
	 */
	String signatureHex(byte[] content) {
		return HEX.formatHex(sign(doubleSha256(content)));
	}

	private byte[] sign(byte[] digest) {
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.appKey);
		signer.update(digest, 0, digest.length);
		return signer.generateSignature();
	}

	/**
	 * @param responseBody the answer's body as received
	 * @param headers the answer's headers
	 * @throws IllegalStateException if the answer is unsigned or its signature does not verify
	 */
	void verifyOrThrow(byte[] responseBody, HttpHeaders headers) {
		String timestamp = headers.getFirst("BIZ-TIMESTAMP");
		String signature = headers.getFirst("BIZ-RESP-SIGNATURE");
		if (timestamp == null || signature == null) {
			throw new IllegalStateException("Unsigned answer");
		}
		byte[] timestampBytes = timestamp.getBytes(StandardCharsets.UTF_8);
		byte[] signed = new byte[responseBody.length + 1 + timestampBytes.length];
		System.arraycopy(responseBody, 0, signed, 0, responseBody.length);
		signed[responseBody.length] = '|';
		System.arraycopy(timestampBytes, 0, signed, responseBody.length + 1, timestampBytes.length);
		byte[] digest = doubleSha256(signed);
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, this.responseKey);
		verifier.update(digest, 0, digest.length);
		if (!verifier.verifySignature(HEX.parseHex(signature))) {
			throw new IllegalStateException("Answer signature does not verify");
		}
	}

	private static byte[] doubleSha256(byte[] bytes) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return sha256.digest(sha256.digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JDK has no SHA-256", ex);
		}
	}

}
