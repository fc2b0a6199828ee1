package dev.cobooauth.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cobooauth.signing.CoboEnvironment;
import dev.cobooauth.signing.CryptoProvider;
import dev.cobooauth.signing.KeyType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration under {@code cobo.*}: which Cobo environment to talk to, the keys to sign with
 * and how tokens are kept.
 * <p>
 * Spring Boot validates it when it binds it ({@link Validator}): a value that is out of range or
 * contradicts another is rejected, and Spring Boot's failure analysis stops the application naming
 * the property, the value given (never a key's) and the values accepted.
 */
@ConfigurationProperties("cobo")
public class CoboProperties implements Validator {

	/**
	 * Cobo environment: its base URL and the key that signs its responses.
	 */
	private CoboEnvironment env = CoboEnvironment.DEV;

	/**
	 * Base URL overriding the environment's, including the /v2 prefix, e.g. a proxy or a local
	 * simulator (http://127.0.0.1:8089/v2). Needs cobo.response-verification.public-key while
	 * response verification is on. http is accepted only for a loopback host (127.0.0.0/8, ::1,
	 * localhost); any other host needs https.
	 */
	private @Nullable String baseUrl;

	private final ResponseVerification responseVerification = new ResponseVerification();

	private final App app = new App();

	private final ApiKey apiKey = new ApiKey();

	private final Token token = new Token();

	private final TokenStore tokenStore = new TokenStore();

	private final PermissionToken permissionToken = new PermissionToken();

	private final Crypto crypto = new Crypto();

	private final Transactions transactions = new Transactions();

	public CoboEnvironment getEnv() {
		return this.env;
	}

	public void setEnv(CoboEnvironment env) {
		this.env = env;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public ResponseVerification getResponseVerification() {
		return this.responseVerification;
	}

	public App getApp() {
		return this.app;
	}

	public ApiKey getApiKey() {
		return this.apiKey;
	}

	public Token getToken() {
		return this.token;
	}

	public TokenStore getTokenStore() {
		return this.tokenStore;
	}

	public PermissionToken getPermissionToken() {
		return this.permissionToken;
	}

	public Crypto getCrypto() {
		return this.crypto;
	}

	public Transactions getTransactions() {
		return this.transactions;
	}

	/**
	 * @param type a type Spring Boot binds, asked for each object it binds, nested ones too
	 * @return whether it is these properties, so that they are checked once, as a whole
	 */
	@Override
	public boolean supports(Class<?> type) {
		return CoboProperties.class.isAssignableFrom(type);
	}

	/**
	 * Checks every value, when Spring Boot binds {@code cobo.*}, and rejects each one that is wrong
	 * with a message naming the property and the values accepted. A key's value is never recorded:
	 * its error shows {@code (hidden)} as the value.
	 * @param target the properties to check
	 * @param errors where each value that is wrong is rejected
	 */
	@Override
	public void validate(Object target, Errors errors) {
		CoboPropertiesValidator.validate((CoboProperties) target, errors);
	}

	/**
	 * Checking Cobo's signature on every response.
	 */
	public static class ResponseVerification {

		/**
		 * Whether every response must carry a valid Cobo signature (BIZ-TIMESTAMP,
		 * BIZ-RESP-SIGNATURE). Turn off only for a server that cannot sign.
		 */
		private boolean enabled = true;

		/**
		 * Ed25519 public key (64 hex characters) that signs responses of a custom base URL.
		 * Defaults to the key of cobo.env.
		 */
		private @Nullable String publicKey;

		/**
		 * How far, either way, a response's BIZ-TIMESTAMP may be from this clock (coboClock); an
		 * older or later answer is refused like a bad signature, so that a captured answer cannot
		 * be served again.
		 */
		private Duration tolerance = Duration.ofMinutes(5);

		/**
		 * Largest response body read to verify it; a larger answer fails the call without being
		 * read whole.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(10);

		public Duration getTolerance() {
			return this.tolerance;
		}

		public void setTolerance(Duration tolerance) {
			this.tolerance = tolerance;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getPublicKey() {
			return this.publicKey;
		}

		public void setPublicKey(@Nullable String publicKey) {
			this.publicKey = publicKey;
		}

	}

	/**
	 * A private key given inline or as a location, and its type.
	 */
	public abstract static class KeyProperties {

		/**
		 * Private key: 64 hex characters (the 32-byte secret). Prefer private-key-location or an
		 * environment variable over a literal in a file.
		 */
		private @Nullable String privateKey;

		/**
		 * Location of a file holding the private key as 64 hex characters, e.g.
		 * file:/run/secrets/cobo-key.
		 */
		private @Nullable Resource privateKeyLocation;

		/**
		 * Type of the key pair.
		 */
		private KeyType keyType = KeyType.ED25519;

		public @Nullable String getPrivateKey() {
			return this.privateKey;
		}

		public void setPrivateKey(@Nullable String privateKey) {
			this.privateKey = privateKey;
		}

		public @Nullable Resource getPrivateKeyLocation() {
			return this.privateKeyLocation;
		}

		public void setPrivateKeyLocation(@Nullable Resource privateKeyLocation) {
			this.privateKeyLocation = privateKeyLocation;
		}

		public KeyType getKeyType() {
			return this.keyType;
		}

		public void setKeyType(KeyType keyType) {
			this.keyType = keyType;
		}

		/**
		 * @return whether a key is given inline or as a location
		 */
		public boolean hasKey() {
			return (this.privateKey != null && !this.privateKey.isEmpty()) || this.privateKeyLocation != null;
		}

	}

	/**
	 * A Cobo Portal App (Cobo OAuth): signs with the app secret and calls WaaS with each
	 * organization's Org Access Token.
	 */
	public static class App extends KeyProperties {

		/**
		 * Client ID of the Portal App, from its published manifest.
		 */
		private @Nullable String clientId;

		/**
		 * Organization used when a call names none. Without it, every call must name its org.
		 */
		private @Nullable String defaultOrg;

		/**
		 * Organizations whose tokens are fetched at startup.
		 */
		private List<String> orgs = new ArrayList<>();

		/**
		 * Whether a failure to fetch the tokens of cobo.app.orgs at startup stops the application.
		 */
		private boolean failFast;

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getDefaultOrg() {
			return this.defaultOrg;
		}

		public void setDefaultOrg(@Nullable String defaultOrg) {
			this.defaultOrg = defaultOrg;
		}

		public List<String> getOrgs() {
			return this.orgs;
		}

		public void setOrgs(List<String> orgs) {
			this.orgs = orgs;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

	}

	/**
	 * An organization's own API key (Cobo Auth): signs with the API secret, no bearer token.
	 */
	public static class ApiKey extends KeyProperties {

	}

	/**
	 * How Org Access Tokens and Permission Access Tokens are kept fresh.
	 */
	public static class Token {

		/**
		 * How long before expiry a token is refreshed. Within this margin a still-valid token keeps
		 * serving calls while one refresh runs in the background.
		 */
		private Duration clockSkew = Duration.ofSeconds(60);

		/**
		 * How long a call waits for a token that another caller is already requesting.
		 */
		private Duration acquireTimeout = Duration.ofSeconds(30);

		/**
		 * Connect timeout of token requests.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Read timeout of token requests.
		 */
		private Duration readTimeout = Duration.ofSeconds(10);

		/**
		 * Whether the tokens of cobo.app.orgs are refreshed in the background before they are due,
		 * so that no call ever waits for one.
		 */
		private boolean proactiveRefresh;

		/**
		 * How long, after Cobo refused an org's grant with an OAuth error (such as an org that has
		 * not installed the app), calls for that org fail at once with the same error without asking
		 * Cobo. 0s asks every time.
		 */
		private Duration refusedOrgBackoff = Duration.ofSeconds(30);

		/**
		 * How many orgs the starter keeps bookkeeping for (the latest outcome shown by the health
		 * contributor, a recent refusal); the least recently used are forgotten first. Stored tokens
		 * are not affected.
		 */
		private int maxTrackedOrgs = 10_000;

		/**
		 * How many token requests this instance sends to Cobo at once at most, whichever org they
		 * are for, so that a mass refresh never trips Cobo's rate limits. Others wait up to
		 * cobo.token.acquire-timeout.
		 */
		private int maxConcurrentRequests = 4;

		private final Retry retry = new Retry();

		public Duration getClockSkew() {
			return this.clockSkew;
		}

		public void setClockSkew(Duration clockSkew) {
			this.clockSkew = clockSkew;
		}

		public Duration getAcquireTimeout() {
			return this.acquireTimeout;
		}

		public void setAcquireTimeout(Duration acquireTimeout) {
			this.acquireTimeout = acquireTimeout;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public boolean isProactiveRefresh() {
			return this.proactiveRefresh;
		}

		public void setProactiveRefresh(boolean proactiveRefresh) {
			this.proactiveRefresh = proactiveRefresh;
		}

		public Duration getRefusedOrgBackoff() {
			return this.refusedOrgBackoff;
		}

		public void setRefusedOrgBackoff(Duration refusedOrgBackoff) {
			this.refusedOrgBackoff = refusedOrgBackoff;
		}

		public int getMaxTrackedOrgs() {
			return this.maxTrackedOrgs;
		}

		public void setMaxTrackedOrgs(int maxTrackedOrgs) {
			this.maxTrackedOrgs = maxTrackedOrgs;
		}

		public int getMaxConcurrentRequests() {
			return this.maxConcurrentRequests;
		}

		public void setMaxConcurrentRequests(int maxConcurrentRequests) {
			this.maxConcurrentRequests = maxConcurrentRequests;
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Retries of token requests after transient failures (I/O errors, timeouts, 429, 5XX). OAuth
	 * errors such as invalid_grant are never retried.
	 */
	public static class Retry {

		/**
		 * How many times a token request is sent at most, the first one included.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry; it doubles with each retry, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest delay between two attempts. A Retry-After from Cobo is honoured up to 30 seconds.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Permission Access Tokens, handed to front ends that use Cobo's Checkout SDK.
	 */
	public static class PermissionToken {

		/**
		 * Permission type requested in the exchange.
		 */
		private String permissionType = "payment_orders_payin";

		public String getPermissionType() {
			return this.permissionType;
		}

		public void setPermissionType(String permissionType) {
			this.permissionType = permissionType;
		}

	}

	/**
	 * The code that computes Ed25519 signatures and verifications.
	 */
	public static class Crypto {

		/**
		 * Ed25519 signing and verification: 'auto' uses AWS-LC when Amazon Corretto Crypto Provider
		 * is on the class path and healthy, else BouncyCastle; 'aws-lc' stops startup unless it is;
		 * 'bouncy-castle' never uses it. secp256k1 keys always sign with BouncyCastle.
		 */
		private CryptoProvider provider = CryptoProvider.AUTO;

		public CryptoProvider getProvider() {
			return this.provider;
		}

		public void setProvider(CryptoProvider provider) {
			this.provider = provider;
		}

	}

	/**
	 * Creating transactions exactly once.
	 */
	public static class Transactions {

		/**
		 * How long a create whose answer was lost (I/O error, timeout, 5XX, duplicate request_id) is
		 * looked up by its request_id before CoboOutcomeUnknownException.
		 */
		private Duration resolveTimeout = Duration.ofSeconds(30);

		public Duration getResolveTimeout() {
			return this.resolveTimeout;
		}

		public void setResolveTimeout(Duration resolveTimeout) {
			this.resolveTimeout = resolveTimeout;
		}

	}

	/**
	 * Where Org and Permission Access Tokens are kept.
	 */
	public static class TokenStore {

		/**
		 * Where tokens, and the webhook deliveries accepted, are kept: memory (this instance only,
		 * lost on restart) or jdbc (tables oauth2_authorized_client and cobo_webhook_delivery in
		 * the application's DataSource, shared by every instance and kept across restarts, so a
		 * delivery one instance accepted is refused by all; needs spring-boot-starter-jdbc and a
		 * JDBC driver; instances are coordinated with PostgreSQL advisory locks).
		 */
		private Type type = Type.MEMORY;

		/**
		 * When to create the oauth2_authorized_client and cobo_webhook_delivery tables with type
		 * jdbc, from Spring Security's and the starter's schema scripts: embedded (only in an
		 * embedded database), always, or never (the tables are created by Flyway, Liquibase or a
		 * DBA).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

		/**
		 * AES-256 key that encrypts the access and refresh token values stored with type jdbc
		 * (AES-GCM): 64 hex characters, e.g. from "openssl rand -hex 32". Every instance needs the
		 * same key. Required with type jdbc, unless cobo.token-store.allow-plaintext is true.
		 * Prefer an environment variable (COBO_TOKENSTORE_ENCRYPTIONKEY) over a literal in a file.
		 */
		private @Nullable String encryptionKey;

		/**
		 * Whether type jdbc may store token values in clear, without cobo.token-store.encryption-key.
		 * Anyone who can read the table can then call Cobo as every org; a warning is logged at each
		 * startup.
		 */
		private boolean allowPlaintext;

		public boolean isAllowPlaintext() {
			return this.allowPlaintext;
		}

		public void setAllowPlaintext(boolean allowPlaintext) {
			this.allowPlaintext = allowPlaintext;
		}

		public Type getType() {
			return this.type;
		}

		public void setType(Type type) {
			this.type = type;
		}

		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public @Nullable String getEncryptionKey() {
			return this.encryptionKey;
		}

		public void setEncryptionKey(@Nullable String encryptionKey) {
			this.encryptionKey = encryptionKey;
		}

		/**
		 * Where tokens are kept.
		 */
		public enum Type {

			/**
			 * In this instance's memory.
			 */
			MEMORY,

			/**
			 * In the application's DataSource, shared by every instance.
			 */
			JDBC

		}

		/**
		 * When the token table is created, as Spring Boot's DatabaseInitializationMode.
		 */
		public enum SchemaInitialization {

			/**
			 * Only in an embedded database (H2, HSQLDB, Derby).
			 */
			EMBEDDED,

			/**
			 * In any database, unless the table exists.
			 */
			ALWAYS,

			/**
			 * Never: the table is created by other means.
			 */
			NEVER

		}

	}

}
