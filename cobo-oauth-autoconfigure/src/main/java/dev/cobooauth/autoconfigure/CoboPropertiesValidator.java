package dev.cobooauth.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The one place where the values of {@link CoboProperties} and {@link CoboWebhookProperties} are
 * checked. Both are self-validating: Spring Boot calls their {@code validate} when it binds
 * {@code cobo.*}, which calls this. The first value that is wrong stops the application with an
 * {@link InvalidCoboPropertyException} naming the property, the value given (never a key) and the
 * values accepted, as {@link InvalidCoboPropertyFailureAnalyzer} shows them.
 * <p>
 * What the values alone cannot tell is checked where it is known: a key's material when its
 * signer is built, a key file when it is read, a missing client id when the app's registration is
 * built (its signer may be the application's own bean), a DataSource when the JDBC token store is.
 */
final class CoboPropertiesValidator {

	private static final String HIDDEN = "(hidden)";

	private static final String MAX_BACKOFF = "cobo.token.retry.max-backoff";

	private static final String ENCRYPTION_KEY = "cobo.token-store.encryption-key";

	private static final int ENCRYPTION_KEY_HEX_LENGTH = 64;

	/** The largest body a webhook resolver can read: it reads one byte more than allowed into an array. */
	private static final DataSize LARGEST_BODY = DataSize.ofMegabytes(2047);

	private static final ChronoUnit[] DURATION_UNITS = { ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS };

	private static final String[] DATA_SIZE_UNITS = { "TB", "GB", "MB", "KB" };

	private static final CoboProperties DEFAULTS = new CoboProperties();

	private static final CoboWebhookProperties WEBHOOK_DEFAULTS = new CoboWebhookProperties();

	private CoboPropertiesValidator() {
	}

	/**
	 * @throws InvalidCoboPropertyException naming the first property of {@code cobo.*} that is wrong
	 */
	static void validate(CoboProperties properties) {
		baseUrl(properties.getBaseUrl());
		responsePublicKey(properties);
		responseVerification(properties.getResponseVerification(), DEFAULTS.getResponseVerification());
		oneKey(properties.getApp(), "cobo.app");
		oneKey(properties.getApiKey(), "cobo.api-key");
		token(properties.getToken(), DEFAULTS.getToken());
		retry(properties.getToken().getRetry(), DEFAULTS.getToken().getRetry());
		permissionType(properties.getPermissionToken().getPermissionType());
		encryptionKey(properties.getTokenStore());
		plaintextTokens(properties.getTokenStore());
		positive(properties.getTransactions().getResolveTimeout(), "cobo.transactions.resolve-timeout",
				DEFAULTS.getTransactions().getResolveTimeout());
	}

	/**
	 * @throws InvalidCoboPropertyException naming the first property of {@code cobo.webhook.*}
	 * that is wrong
	 */
	static void validate(CoboWebhookProperties webhook) {
		positive(webhook.getTolerance(), "cobo.webhook.tolerance", WEBHOOK_DEFAULTS.getTolerance());
		positive(webhook.getEventRetention(), "cobo.webhook.event-retention", WEBHOOK_DEFAULTS.getEventRetention());
		positive(webhook.getCallbackTimeout(), "cobo.webhook.callback-timeout", WEBHOOK_DEFAULTS.getCallbackTimeout());
		atLeastOne(webhook.getReplayCacheSize(), "cobo.webhook.replay-cache-size",
				WEBHOOK_DEFAULTS.getReplayCacheSize());
		maxBodySize(webhook.getMaxBodySize());
	}

	private static void baseUrl(@Nullable String baseUrl) {
		if (!hasText(baseUrl)) {
			return;
		}
		String reason = baseUrlProblem(baseUrl.strip());
		if (reason != null) {
			// The problem shows the URL already, so the value is not repeated.
			throw new InvalidCoboPropertyException("cobo.base-url", null,
					"'" + baseUrl + "' is not a valid base URL (" + reason + ")",
					"Set cobo.base-url to an absolute http or https URL including the /v2 prefix, without query or "
							+ "fragment, e.g. http://127.0.0.1:8089/v2, or remove it to use the URL of cobo.env.");
		}
		URI uri = URI.create(baseUrl.strip());
		if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
			throw new InvalidCoboPropertyException("cobo.base-url", null,
					"'" + baseUrl + "' sends signed requests and bearer tokens in clear (http) to a host that is not "
							+ "this machine",
					"Use https for " + uri.getHost() + "; http is accepted only for a loopback host (127.0.0.0/8, "
							+ "::1, localhost), such as a local simulator.");
		}
	}

	/**
	 * @return whether the host names this machine without asking DNS: {@code localhost}, an IPv4
	 * address in 127.0.0.0/8, or {@code ::1}
	 */
	static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(java.util.Locale.ROOT);
		if (name.equals("localhost") || name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]")) {
			return true;
		}
		String[] octets = name.split("\\.", -1);
		if (octets.length != 4 || !octets[0].equals("127")) {
			return false;
		}
		for (String octet : octets) {
			if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}

	private static void responseVerification(CoboProperties.ResponseVerification verification,
			CoboProperties.ResponseVerification defaults) {
		positive(verification.getTolerance(), "cobo.response-verification.tolerance", defaults.getTolerance());
		bodySize(verification.getMaxBodySize(), "cobo.response-verification.max-body-size", defaults.getMaxBodySize());
	}

	/**
	 * @return why the text is no base URL, or {@code null} if it is one
	 */
	private static @Nullable String baseUrlProblem(String text) {
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			return ex.getReason();
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
			return "not an absolute http or https URL";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return "a base URL has no query or fragment";
		}
		return null;
	}

	private static void responsePublicKey(CoboProperties properties) {
		CoboProperties.ResponseVerification verification = properties.getResponseVerification();
		if (!hasText(properties.getBaseUrl()) || !verification.isEnabled() || hasText(verification.getPublicKey())) {
			return;
		}
		throw new InvalidCoboPropertyException("cobo.response-verification.public-key",
				"is required when cobo.base-url is set and response verification is on",
				"Set cobo.response-verification.public-key to the 64 hex characters of the Ed25519 key that signs the "
						+ "responses of " + properties.getBaseUrl() + ", or, only for a server that cannot sign, set "
						+ "cobo.response-verification.enabled=false.");
	}

	private static void oneKey(CoboProperties.KeyProperties key, String prefix) {
		boolean inline = key.getPrivateKey() != null && !key.getPrivateKey().isEmpty();
		if (inline && key.getPrivateKeyLocation() != null) {
			throw new InvalidCoboPropertyException(prefix + ".private-key", HIDDEN,
					"is set together with " + prefix + ".private-key-location",
					"Set only one of " + prefix + ".private-key and " + prefix + ".private-key-location.");
		}
	}

	private static void token(CoboProperties.Token token, CoboProperties.Token defaults) {
		zeroOrPositive(token.getClockSkew(), "cobo.token.clock-skew", defaults.getClockSkew());
		positive(token.getAcquireTimeout(), "cobo.token.acquire-timeout", defaults.getAcquireTimeout());
		positive(token.getConnectTimeout(), "cobo.token.connect-timeout", defaults.getConnectTimeout());
		positive(token.getReadTimeout(), "cobo.token.read-timeout", defaults.getReadTimeout());
		zeroOrPositive(token.getRefusedOrgBackoff(), "cobo.token.refused-org-backoff", defaults.getRefusedOrgBackoff());
		atLeastOne(token.getMaxTrackedOrgs(), "cobo.token.max-tracked-orgs", defaults.getMaxTrackedOrgs());
		atLeastOne(token.getMaxConcurrentRequests(), "cobo.token.max-concurrent-requests",
				defaults.getMaxConcurrentRequests());
	}

	private static void retry(CoboProperties.Retry retry, CoboProperties.Retry defaults) {
		atLeastOne(retry.getMaxAttempts(), "cobo.token.retry.max-attempts", defaults.getMaxAttempts());
		zeroOrPositive(retry.getInitialBackoff(), "cobo.token.retry.initial-backoff", defaults.getInitialBackoff());
		Duration maxBackoff = retry.getMaxBackoff();
		if (maxBackoff != null && maxBackoff.compareTo(retry.getInitialBackoff()) >= 0) {
			return;
		}
		String initialBackoff = "cobo.token.retry.initial-backoff (" + text(retry.getInitialBackoff()) + ")";
		throw new InvalidCoboPropertyException(MAX_BACKOFF, quoted(text(maxBackoff)),
				"must not be shorter than " + initialBackoff,
				"Set " + MAX_BACKOFF + " to " + initialBackoff + " or more (default " + text(defaults.getMaxBackoff())
						+ ").");
	}

	private static void permissionType(String permissionType) {
		if (hasText(permissionType)) {
			return;
		}
		String property = "cobo.permission-token.permission-type";
		throw new InvalidCoboPropertyException(property, "is empty",
				"Set " + property + " to the permission your front end needs, or remove it to use the default ("
						+ DEFAULTS.getPermissionToken().getPermissionType() + ").");
	}

	/**
	 * Refuses a malformed key, and a key for a store that never writes tokens anywhere: it would
	 * suggest a protection that does not exist.
	 * @throws InvalidCoboPropertyException naming {@code cobo.token-store.encryption-key}
	 */
	static void encryptionKey(CoboProperties.TokenStore store) {
		String key = store.getEncryptionKey();
		if (!hasText(key)) {
			return;
		}
		if (store.getType() == CoboProperties.TokenStore.Type.MEMORY) {
			throw new InvalidCoboPropertyException(ENCRYPTION_KEY, HIDDEN,
					"is set, but cobo.token-store.type is memory, which keeps tokens in this instance's memory only",
					"Set cobo.token-store.type=jdbc to store tokens encrypted in the database, or remove "
							+ ENCRYPTION_KEY + ".");
		}
		String hex = key.strip();
		if (hex.length() != ENCRYPTION_KEY_HEX_LENGTH || !isHex(hex)) {
			String given = (hex.length() != ENCRYPTION_KEY_HEX_LENGTH) ? hex.length() + " characters given"
					: "a character is not a hex digit";
			throw new InvalidCoboPropertyException(ENCRYPTION_KEY, HIDDEN,
					"is not " + ENCRYPTION_KEY_HEX_LENGTH + " hex characters (" + given + ")",
					"Set " + ENCRYPTION_KEY + " to a 32-byte AES key as 64 hex characters, e.g. from "
							+ "'openssl rand -hex 32'.");
		}
	}

	private static void maxBodySize(DataSize size) {
		bodySize(size, "cobo.webhook.max-body-size", WEBHOOK_DEFAULTS.getMaxBodySize());
	}

	private static void bodySize(DataSize size, String property, DataSize defaultValue) {
		if (size != null && size.toBytes() >= 1 && size.compareTo(LARGEST_BODY) <= 0) {
			return;
		}
		String range = "between 1B and " + text(LARGEST_BODY);
		throw new InvalidCoboPropertyException(property, quoted(text(size)), "must be " + range,
				"Set " + property + " to a size " + range + " (default " + text(defaultValue) + ").");
	}

	/**
	 * Refuses a JDBC store that would keep every org's tokens readable by anyone who reads its
	 * table, unless the application says so.
	 * @throws InvalidCoboPropertyException naming {@code cobo.token-store.encryption-key}
	 */
	private static void plaintextTokens(CoboProperties.TokenStore store) {
		if (store.getType() != CoboProperties.TokenStore.Type.JDBC || hasText(store.getEncryptionKey())
				|| store.isAllowPlaintext()) {
			return;
		}
		throw new InvalidCoboPropertyException(ENCRYPTION_KEY,
				"is missing while cobo.token-store.type is jdbc, which would store every org's access and refresh "
						+ "tokens in clear",
				"Set " + ENCRYPTION_KEY + " to a 32-byte AES key as 64 hex characters (e.g. from 'openssl rand -hex "
						+ "32'), the same on every instance, preferably from the environment variable "
						+ "COBO_TOKENSTORE_ENCRYPTIONKEY; or, knowingly, set cobo.token-store.allow-plaintext=true.");
	}

	private static void positive(Duration duration, String property, Duration defaultValue) {
		if (duration != null && !duration.isNegative() && !duration.isZero()) {
			return;
		}
		throw new InvalidCoboPropertyException(property, quoted(text(duration)), "must be a positive duration",
				"Set " + property + " to more than 0s (default " + text(defaultValue) + ").");
	}

	private static void zeroOrPositive(Duration duration, String property, Duration defaultValue) {
		if (duration != null && !duration.isNegative()) {
			return;
		}
		throw new InvalidCoboPropertyException(property, quoted(text(duration)), "must not be negative",
				"Set " + property + " to 0s or more (default " + text(defaultValue) + ").");
	}

	private static void atLeastOne(int value, String property, int defaultValue) {
		if (value >= 1) {
			return;
		}
		throw new InvalidCoboPropertyException(property, quoted(String.valueOf(value)), "must be 1 or more",
				"Set " + property + " to 1 or more (default " + defaultValue + ").");
	}

	/**
	 * @return the duration in its largest whole unit, as Spring Boot reads it back: {@code -5s},
	 * {@code 200ms}; an empty text for {@code null}
	 */
	private static String text(@Nullable Duration duration) {
		if (duration == null) {
			return "";
		}
		if (duration.isZero()) {
			return "0s";
		}
		for (ChronoUnit unit : DURATION_UNITS) {
			if (duration.truncatedTo(unit).equals(duration)) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return DurationStyle.SIMPLE.print(duration, ChronoUnit.NANOS);
	}

	/**
	 * @return the size in its largest whole unit, as Spring Boot reads it back: {@code 1MB},
	 * {@code 0B}; an empty text for {@code null}
	 */
	private static String text(@Nullable DataSize size) {
		if (size == null) {
			return "";
		}
		long bytes = size.toBytes();
		for (int i = 0; i < DATA_SIZE_UNITS.length; i++) {
			long unit = 1L << (10 * (DATA_SIZE_UNITS.length - i));
			if (bytes != 0 && bytes % unit == 0) {
				return bytes / unit + DATA_SIZE_UNITS[i];
			}
		}
		return bytes + "B";
	}

	private static String quoted(String text) {
		return "'" + ((text != null) ? text : "") + "'";
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	private static boolean isHex(String text) {
		return text.chars().allMatch(HexFormat::isHexDigit);
	}

}
