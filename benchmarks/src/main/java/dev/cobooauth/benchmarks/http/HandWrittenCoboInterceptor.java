package dev.cobooauth.benchmarks.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
 * <p>
 * Given a provider (Amazon Corretto Crypto Provider), it signs and verifies there instead, the way a
 * user would write it for speed: a JCA {@code Signature} per thread, initialized once with the key.
 */
final class HandWrittenCoboInterceptor implements ClientHttpRequestInterceptor {

	private static final HexFormat HEX = HexFormat.of();

	private final Ed25519PrivateKeyParameters appKey;

	private final String apiKeyHex;

	private final Ed25519PublicKeyParameters responseKey;

	private final Map<String, String> tokensByOrg;

	private final String org;

	private final @Nullable ThreadLocal<Signature> jcaSigner;

	private final @Nullable ThreadLocal<Signature> jcaVerifier;

	/**
	 * @param appKeyHex the app key's Ed25519 seed, hex
	 * @param responseKeyHex Cobo's response key, hex
	 * @param tokensByOrg access tokens by org id
	 * @param org the org every call is made for
	 */
	HandWrittenCoboInterceptor(String appKeyHex, String responseKeyHex, Map<String, String> tokensByOrg, String org) {
		this(appKeyHex, responseKeyHex, tokensByOrg, org, null);
	}

	/**
	 * @param appKeyHex the app key's Ed25519 seed, hex
	 * @param responseKeyHex Cobo's response key, hex
	 * @param tokensByOrg access tokens by org id
	 * @param org the org every call is made for
	 * @param provider the JCA provider that signs and verifies; {@code null} for BouncyCastle's own API
	 */
	HandWrittenCoboInterceptor(String appKeyHex, String responseKeyHex, Map<String, String> tokensByOrg, String org,
			@Nullable Provider provider) {
		this.appKey = new Ed25519PrivateKeyParameters(HEX.parseHex(appKeyHex), 0);
		this.apiKeyHex = HEX.formatHex(this.appKey.generatePublicKey().getEncoded());
		this.responseKey = new Ed25519PublicKeyParameters(HEX.parseHex(responseKeyHex), 0);
		this.tokensByOrg = tokensByOrg;
		this.org = org;
		this.jcaSigner = (provider != null) ? ThreadLocal.withInitial(() -> jcaSigner(provider, appKeyHex)) : null;
		this.jcaVerifier = (provider != null) ? ThreadLocal.withInitial(() -> jcaVerifier(provider, responseKeyHex))
				: null;
	}

	private static Signature jcaSigner(Provider provider, String seedHex) {
		try {
			Signature signature = Signature.getInstance("Ed25519", provider);
			signature.initSign(KeyFactory.getInstance("Ed25519")
				.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HEX.parseHex(seedHex))));
			return signature;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Signature jcaVerifier(Provider provider, String publicKeyHex) {
		try {
			Signature signature = Signature.getInstance("Ed25519", provider);
			signature.initVerify(KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(HEX.parseHex("302a300506032b6570032100" + publicKeyHex))));
			return signature;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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
		if (this.jcaSigner != null) {
			try {
				Signature signature = this.jcaSigner.get();
				signature.update(digest);
				return signature.sign();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}
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
		if (!verify(digest, HEX.parseHex(signature))) {
			throw new IllegalStateException("Answer signature does not verify");
		}
	}

	private boolean verify(byte[] digest, byte[] signature) {
		if (this.jcaVerifier != null) {
			try {
				Signature verifier = this.jcaVerifier.get();
				verifier.update(digest);
				return verifier.verify(signature);
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, this.responseKey);
		verifier.update(digest, 0, digest.length);
		return verifier.verifySignature(signature);
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
