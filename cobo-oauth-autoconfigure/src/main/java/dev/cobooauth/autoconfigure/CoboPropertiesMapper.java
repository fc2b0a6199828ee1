package dev.cobooauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboResponseVerifier;
import dev.cobooauth.signing.CoboSignatureMetrics;
import dev.cobooauth.signing.CoboSignatureVerifier;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.signing.PrivateKeySecret;

import org.springframework.core.io.Resource;

/**
 * Turns {@link CoboProperties} into the objects the starter works with, checking them on the
 * way: every problem is an {@link InvalidCoboPropertyException} or
 * {@link dev.cobooauth.signing.InvalidCoboKeyException} naming the property.
 */
final class CoboPropertiesMapper {

	private static final String TOKEN_ENCRYPTION_KEY = "cobo.token-store.encryption-key";

	private static final int TOKEN_ENCRYPTION_KEY_BYTES = 32;

	private final CoboProperties properties;

	CoboPropertiesMapper(CoboProperties properties) {
		this.properties = properties;
	}

	CoboEndpoint endpoint() {
		return endpoint(CoboSignatureMetrics.NONE);
	}

	CoboEndpoint endpoint(CoboSignatureMetrics metrics) {
		URI baseUrl = baseUrl();
		if (!this.properties.getResponseVerification().isEnabled()) {
			return new CoboEndpoint(baseUrl, Optional.empty());
		}
		CoboSignatureVerifier key = CoboSignatureVerifier.of(KeyType.ED25519, responsePublicKey(),
				"cobo.response-verification.public-key");
		return new CoboEndpoint(baseUrl, Optional.of(new CoboResponseVerifier(key, metrics)));
	}

	private URI baseUrl() {
		String configured = this.properties.getBaseUrl();
		if (configured == null || configured.isBlank()) {
			return URI.create(this.properties.getEnv().getBaseUrl());
		}
		String text = configured.strip();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		try {
			URI uri = new URI(text);
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new URISyntaxException(text, "not an absolute http or https URL");
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new URISyntaxException(text, "a base URL has no query or fragment");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidCoboPropertyException("cobo.base-url", "'" + configured + "' is not a valid base URL ("
					+ ex.getReason() + ")", "Give an absolute URL including the /v2 prefix, e.g. http://127.0.0.1:8089/v2.");
		}
	}

	private String responsePublicKey() {
		String key = this.properties.getResponseVerification().getPublicKey();
		if (key != null && !key.isBlank()) {
			return key;
		}
		if (this.properties.getBaseUrl() != null && !this.properties.getBaseUrl().isBlank()) {
			throw new InvalidCoboPropertyException("cobo.response-verification.public-key",
					"is required when cobo.base-url is set and response verification is on",
					"Set it to the hex Ed25519 key that signs the responses of " + this.properties.getBaseUrl()
							+ ", or, only for a server that cannot sign, set cobo.response-verification.enabled=false.");
		}
		return this.properties.getEnv().getResponsePublicKeyHex();
	}

	CoboSigner appKeySigner() {
		appClientId();
		return signer(this.properties.getApp(), "cobo.app");
	}

	String appClientId() {
		String clientId = this.properties.getApp().getClientId();
		if (clientId == null || clientId.isBlank()) {
			throw new InvalidCoboPropertyException("cobo.app.client-id", "is missing while an app key is configured",
					"Set it to the client ID from your Portal App's published manifest.");
		}
		return clientId.strip();
	}

	CoboSigner apiKeySigner() {
		return signer(this.properties.getApiKey(), "cobo.api-key");
	}

	String permissionType() {
		String permissionType = this.properties.getPermissionToken().getPermissionType();
		if (permissionType == null || permissionType.isBlank()) {
			throw new InvalidCoboPropertyException("cobo.permission-token.permission-type", "is empty",
					"Set it to the permission your front end needs, or remove it to use payment_orders_payin.");
		}
		return permissionType.strip();
	}

	/**
	 * @return the key that encrypts stored token values, or {@code null} if none is set
	 */
	byte[] tokenEncryptionKey() {
		String key = this.properties.getTokenStore().getEncryptionKey();
		if (key == null || key.isBlank()) {
			return null;
		}
		String hex = key.strip();
		if (hex.length() != TOKEN_ENCRYPTION_KEY_BYTES * 2 || !isHex(hex)) {
			throw new InvalidCoboPropertyException(TOKEN_ENCRYPTION_KEY,
					"is not 64 hex characters (" + hex.length() + " characters given)",
					"Give a 32-byte AES key as 64 hex characters, e.g. from 'openssl rand -hex 32'.");
		}
		return HexFormat.of().parseHex(hex);
	}

	/**
	 * Refuses an encryption key for a store that never writes tokens anywhere: it would suggest a
	 * protection that does not exist.
	 */
	void refuseEncryptionKeyInMemory() {
		String key = this.properties.getTokenStore().getEncryptionKey();
		if (key != null && !key.isBlank()) {
			throw new InvalidCoboPropertyException(TOKEN_ENCRYPTION_KEY,
					"is set, but cobo.token-store.type is memory, which keeps tokens in this instance's memory only",
					"Set cobo.token-store.type=jdbc to store tokens encrypted in the database, or remove the key.");
		}
	}

	private static boolean isHex(String text) {
		return text.chars().allMatch((c) -> Character.digit(c, 16) >= 0);
	}

	private static CoboSigner signer(CoboProperties.KeyProperties key, String prefix) {
		return key.getKeyType().newSigner(secret(key, prefix));
	}

	private static PrivateKeySecret secret(CoboProperties.KeyProperties key, String prefix) {
		boolean inline = key.getPrivateKey() != null && !key.getPrivateKey().isEmpty();
		Resource location = key.getPrivateKeyLocation();
		if (inline && location != null) {
			throw new InvalidCoboPropertyException(prefix + ".private-key",
					"is set together with " + prefix + ".private-key-location", "Set only one of them.");
		}
		if (inline) {
			return PrivateKeySecret.fromHex(key.getPrivateKey(), prefix + ".private-key");
		}
		String source = prefix + ".private-key-location (" + location.getDescription() + ")";
		return PrivateKeySecret.fromHex(read(location, source), source);
	}

	private static String read(Resource location, String source) {
		if (!location.exists()) {
			throw new InvalidCoboPropertyException(source, "does not exist",
					"Point it at a readable file holding the key as 64 hex characters.");
		}
		try (InputStream in = location.getInputStream()) {
			return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidCoboPropertyException(source, "cannot be read (" + ex.getClass().getSimpleName() + ")",
					"Check the file's permissions.");
		}
	}

}
