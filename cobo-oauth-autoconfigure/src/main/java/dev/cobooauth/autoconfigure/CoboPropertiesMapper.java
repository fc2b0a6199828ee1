package dev.cobooauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboSignatureMetrics;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CryptoProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

/**
 * Turns {@link CoboProperties} into the objects the starter works with. The values were checked
 * when they were bound ({@link CoboPropertiesValidator}); what is checked here is what only
 * building tells: a key's material, a key file, a client id for the application's own app signer,
 * a crypto provider that must be present. Every problem is an
 * {@link InvalidConfigurationPropertyValueException}, which Spring Boot's failure analysis shows with
 * the property's value and origin, or a {@link dev.cobooauth.signing.InvalidCoboKeyException}; both
 * name the property, and neither holds a key.
 */
final class CoboPropertiesMapper {

	private static final String CRYPTO_PROVIDER = "cobo.crypto.provider";

	private final CoboProperties properties;

	CoboPropertiesMapper(CoboProperties properties) {
		this.properties = properties;
	}

	CoboEndpoint endpoint() {
		return endpoint(CoboSignatureMetrics.NONE, Clock.systemUTC(), CryptoProvider.AUTO, (transport) -> {
		});
	}

	/**
	 * @param metrics told of each request signed and each response refused
	 * @param clock what response timestamps are compared with
	 * @param cryptoProvider what computes Ed25519
	 * @param transport sets the HTTP clients of the endpoint, which follow no redirect
	 * @return the endpoint
	 */
	CoboEndpoint endpoint(CoboSignatureMetrics metrics, Clock clock, CryptoProvider cryptoProvider,
			Consumer<CoboEndpoint.Builder> transport) {
		CoboProperties.ResponseVerification verification = this.properties.getResponseVerification();
		CoboEndpoint.Builder endpoint = CoboEndpoint.builder(baseUrl())
			.signatureMetrics(metrics)
			.clock(clock)
			.cryptoProvider(cryptoProvider);
		transport.accept(endpoint);
		if (!verification.isEnabled()) {
			return endpoint.withoutResponseVerification().build();
		}
		return endpoint.responsePublicKey(responsePublicKey(), "cobo.response-verification.public-key")
			.responseTolerance(verification.getTolerance())
			.maxResponseBodySize(verification.getMaxBodySize())
			.build();
	}

	private String baseUrl() {
		String configured = this.properties.getBaseUrl();
		return hasText(configured) ? configured : this.properties.getEnv().getBaseUrl();
	}

	private String responsePublicKey() {
		String key = this.properties.getResponseVerification().getPublicKey();
		return hasText(key) ? key : this.properties.getEnv().getResponsePublicKeyHex();
	}

	/**
	 * @return what {@code cobo.crypto.provider} means in this JVM: AWS-LC or BouncyCastle
	 * @throws InvalidConfigurationPropertyValueException if it is {@code aws-lc} and Amazon Corretto Crypto
	 * Provider is missing or unhealthy
	 */
	CryptoProvider cryptoProvider() {
		CryptoProvider configured = this.properties.getCrypto().getProvider();
		try {
			return configured.resolve();
		}
		catch (IllegalStateException ex) {
			throw new InvalidConfigurationPropertyValueException(CRYPTO_PROVIDER, "aws-lc", CRYPTO_PROVIDER
					+ " is aws-lc, but " + ex.getMessage() + ". Add software.amazon.cryptools:AmazonCorrettoCryptoProvider "
					+ "with the classifier of this platform (linux-x86_64 or linux-aarch_64; see docs/signing.md), or set "
					+ CRYPTO_PROVIDER + " to auto to use BouncyCastle where it is missing.");
		}
	}

	/**
	 * @param resolved what {@link #cryptoProvider()} returned
	 * @return what it is and, for BouncyCastle under {@code auto}, why, for the startup log
	 */
	String describe(CryptoProvider resolved) {
		CryptoProvider configured = this.properties.getCrypto().getProvider();
		return (resolved == CryptoProvider.BOUNCY_CASTLE && configured == CryptoProvider.BOUNCY_CASTLE)
				? "BouncyCastle (" + CRYPTO_PROVIDER + "=bouncy-castle)" : configured.describe();
	}

	CoboSigner appKeySigner(CryptoProvider cryptoProvider) {
		appClientId();
		return signer(this.properties.getApp(), "cobo.app", cryptoProvider);
	}

	/**
	 * @return the app's client id
	 * @throws InvalidConfigurationPropertyValueException if there is none: binding refuses an app key
	 * without one, but the application's own app signer needs one too
	 */
	String appClientId() {
		String clientId = this.properties.getApp().getClientId();
		if (clientId == null || clientId.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("cobo.app.client-id", clientId,
					"cobo.app.client-id is missing while an app signer is configured. Set it to the client ID from "
							+ "your Portal App's published manifest.");
		}
		return clientId.strip();
	}

	CoboSigner apiKeySigner(CryptoProvider cryptoProvider) {
		return signer(this.properties.getApiKey(), "cobo.api-key", cryptoProvider);
	}

	String permissionType() {
		return this.properties.getPermissionToken().getPermissionType().strip();
	}

	/**
	 * @return the key that encrypts stored token values, or {@code null} if none is set
	 */
	byte @Nullable [] tokenEncryptionKey() {
		String key = this.properties.getTokenStore().getEncryptionKey();
		return hasText(key) ? HexFormat.of().parseHex(key.strip()) : null;
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private static CoboSigner signer(CoboProperties.KeyProperties key, String prefix, CryptoProvider cryptoProvider) {
		boolean inline = key.getPrivateKey() != null && !key.getPrivateKey().isEmpty();
		if (inline) {
			return CoboSigner.of(key.getKeyType(), key.getPrivateKey(), prefix + ".private-key", cryptoProvider);
		}
		Resource location = key.getPrivateKeyLocation();
		String property = prefix + ".private-key-location";
		String source = property + " (" + location.getDescription() + ")";
		return CoboSigner.of(key.getKeyType(), read(location, property, source), source, cryptoProvider);
	}

	private static String read(Resource location, String property, String source) {
		if (!location.exists()) {
			throw new InvalidConfigurationPropertyValueException(property, location.getDescription(), source
					+ " does not exist. Point it at a readable file holding the key as 64 hex characters.");
		}
		try (InputStream in = location.getInputStream()) {
			return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(property, location.getDescription(), source
					+ " cannot be read (" + ex.getClass().getSimpleName() + "). Check the file's permissions.");
		}
	}

}
