package dev.cobooauth.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * The checks of {@link CoboProperties} and {@link CoboWebhookProperties}, run by Spring Boot when it
 * binds {@code cobo.*}. Each value that is wrong is rejected through {@link Errors}, so that Boot's
 * own failure analysis stops the application naming the property, the value given and, in the
 * message, the values accepted. A key's value is never recorded: where a rule is about one, the
 * error is recorded on it with the value hidden, or on the other property of the rule.
 * <p>
 * What the values alone cannot tell is checked where it is known: a key's material when its
 * signer is built, a key file when it is read, a client id for the application's own app signer,
 * a DataSource when the JDBC token store is built.
 */
final class CoboPropertiesValidator {

	private static final String HIDDEN = "(hidden)";

	private static final int ENCRYPTION_KEY_HEX_LENGTH = 64;

	/** The largest body a webhook resolver can read: it reads one byte more than allowed into an array. */
	private static final DataSize LARGEST_BODY = DataSize.ofMegabytes(2047);

	private static final String BODY_SIZES = "between 1B and 2047MB";

	private static final String DEFAULT_PERMISSION_TYPE = new CoboProperties.PermissionToken().getPermissionType();

	private final Errors errors;

	private final String prefix;

	private CoboPropertiesValidator(Errors errors, String prefix) {
		this.errors = errors;
		this.prefix = prefix;
	}

	static void validate(CoboProperties properties, Errors errors) {
		new CoboPropertiesValidator(errors, "cobo").check(properties);
	}

	static void validate(CoboWebhookProperties webhook, Errors errors) {
		CoboPropertiesValidator validator = new CoboPropertiesValidator(errors, "cobo.webhook");
		validator.positive("tolerance", webhook.getTolerance());
		validator.positive("eventRetention", webhook.getEventRetention());
		validator.positive("callbackTimeout", webhook.getCallbackTimeout());
		validator.atLeastOne("replayCacheSize", webhook.getReplayCacheSize());
		validator.bodySize("maxBodySize", webhook.getMaxBodySize());
	}

	private void check(CoboProperties properties) {
		baseUrl(properties.getBaseUrl());
		responseVerification(properties);
		oneKey(properties.getApp(), "app");
		oneKey(properties.getApiKey(), "apiKey");
		clientId(properties.getApp());
		CoboProperties.Token token = properties.getToken();
		zeroOrPositive("token.clockSkew", token.getClockSkew());
		positive("token.acquireTimeout", token.getAcquireTimeout());
		positive("token.connectTimeout", token.getConnectTimeout());
		positive("token.readTimeout", token.getReadTimeout());
		zeroOrPositive("token.refusedOrgBackoff", token.getRefusedOrgBackoff());
		atLeastOne("token.maxTrackedOrgs", token.getMaxTrackedOrgs());
		atLeastOne("token.maxConcurrentRequests", token.getMaxConcurrentRequests());
		retry(token.getRetry());
		permissionType(properties.getPermissionToken().getPermissionType());
		tokenStore(properties.getTokenStore());
		positive("transactions.resolveTimeout", properties.getTransactions().getResolveTimeout());
	}

	private void baseUrl(@Nullable String baseUrl) {
		if (!hasText(baseUrl)) {
			return;
		}
		String reason = baseUrlProblem(baseUrl.strip());
		if (reason != null) {
			reject("baseUrl", "invalid", "is not a valid base URL (" + reason + ")",
					"Set it to an absolute http or https URL including the /v2 prefix, without query or fragment, "
							+ "e.g. http://127.0.0.1:8089/v2, or remove it to use the URL of cobo.env.");
			return;
		}
		URI uri = URI.create(baseUrl.strip());
		if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
			reject("baseUrl", "insecure",
					"sends signed requests and bearer tokens in clear (http) to a host that is not this machine",
					"Use https for " + uri.getHost() + "; http is accepted only for a loopback host (127.0.0.0/8, "
							+ "::1, localhost), such as a local simulator.");
		}
	}

	/**
	 * @return whether the host names this machine without asking DNS: {@code localhost}, an IPv4
	 * address in 127.0.0.0/8, or {@code ::1}
	 */
	private static boolean isLoopback(@Nullable String host) {
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

	private void responseVerification(CoboProperties properties) {
		CoboProperties.ResponseVerification verification = properties.getResponseVerification();
		if (hasText(properties.getBaseUrl()) && verification.isEnabled() && !hasText(verification.getPublicKey())) {
			reject("responseVerification.publicKey", "required",
					"is required when cobo.base-url is set and response verification is on",
					"Set it to the 64 hex characters of the Ed25519 key that signs the responses of "
							+ properties.getBaseUrl() + ", or, only for a server that cannot sign, set "
							+ "cobo.response-verification.enabled=false.");
		}
		positive("responseVerification.tolerance", verification.getTolerance());
		bodySize("responseVerification.maxBodySize", verification.getMaxBodySize());
	}

	/** The error is recorded on the location: the inline key is never shown. */
	private void oneKey(CoboProperties.KeyProperties key, String field) {
		boolean inline = key.getPrivateKey() != null && !key.getPrivateKey().isEmpty();
		if (inline && key.getPrivateKeyLocation() != null) {
			String inlineKey = property(field + ".privateKey");
			reject(field + ".privateKeyLocation", "conflict", "is set together with " + inlineKey,
					"Set only one of " + inlineKey + " and " + property(field + ".privateKeyLocation") + ".");
		}
	}

	private void clientId(CoboProperties.App app) {
		if (app.hasKey() && !hasText(app.getClientId())) {
			reject("app.clientId", "required", "is missing while an app key is configured",
					"Set it to the client ID from your Portal App's published manifest.");
		}
	}

	private void retry(CoboProperties.Retry retry) {
		atLeastOne("token.retry.maxAttempts", retry.getMaxAttempts());
		zeroOrPositive("token.retry.initialBackoff", retry.getInitialBackoff());
		Duration maxBackoff = retry.getMaxBackoff();
		Duration initialBackoff = retry.getInitialBackoff();
		if (maxBackoff == null || initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
			String initial = property("token.retry.initialBackoff")
					+ ((initialBackoff != null) ? " (" + DurationStyle.SIMPLE.print(initialBackoff) + ")" : "");
			reject("token.retry.maxBackoff", "tooShort", "must not be shorter than " + initial,
					"Set it to " + initial + " or more.");
		}
	}

	private void permissionType(@Nullable String permissionType) {
		if (!hasText(permissionType)) {
			reject("permissionToken.permissionType", "empty", "is empty",
					"Set it to the permission your front end needs, or remove it to use the default ("
							+ DEFAULT_PERMISSION_TYPE + ").");
		}
	}

	/**
	 * Refuses a malformed encryption key, a key for a store that never writes tokens anywhere (it
	 * would suggest a protection that does not exist), and a JDBC store that would keep every org's
	 * tokens readable by anyone who reads its table, unless the application says so.
	 */
	private void tokenStore(CoboProperties.TokenStore store) {
		String key = store.getEncryptionKey();
		boolean jdbc = store.getType() == CoboProperties.TokenStore.Type.JDBC;
		if (!hasText(key)) {
			if (jdbc && !store.isAllowPlaintext()) {
				reject("tokenStore.encryptionKey", "required",
						"is missing while cobo.token-store.type is jdbc, which would store every org's access and "
								+ "refresh tokens in clear",
						"Set it to a 32-byte AES key as 64 hex characters (e.g. from 'openssl rand -hex 32'), the same "
								+ "on every instance, preferably from the environment variable "
								+ "COBO_TOKENSTORE_ENCRYPTIONKEY; or, knowingly, set cobo.token-store.allow-plaintext=true.");
			}
			return;
		}
		if (!jdbc) {
			rejectHidden("tokenStore.encryptionKey", "unused",
					"is set, but cobo.token-store.type is memory, which keeps tokens in this instance's memory only",
					"Set cobo.token-store.type=jdbc to store tokens encrypted in the database, or remove it.");
			return;
		}
		String hex = key.strip();
		if (hex.length() != ENCRYPTION_KEY_HEX_LENGTH || !hex.chars().allMatch(HexFormat::isHexDigit)) {
			String given = (hex.length() != ENCRYPTION_KEY_HEX_LENGTH) ? hex.length() + " characters given"
					: "a character is not a hex digit";
			rejectHidden("tokenStore.encryptionKey", "malformed",
					"is not " + ENCRYPTION_KEY_HEX_LENGTH + " hex characters (" + given + ")",
					"Set it to a 32-byte AES key as 64 hex characters, e.g. from 'openssl rand -hex 32'.");
		}
	}

	private void positive(String field, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			reject(field, "positive", "must be a positive duration", "Set it to more than 0s.");
		}
	}

	private void zeroOrPositive(String field, @Nullable Duration duration) {
		if (duration == null || duration.isNegative()) {
			reject(field, "negative", "must not be negative", "Set it to 0s or more.");
		}
	}

	private void atLeastOne(String field, int value) {
		if (value < 1) {
			reject(field, "min", "must be 1 or more", "Set it to 1 or more.");
		}
	}

	private void bodySize(String field, @Nullable DataSize size) {
		if (size == null || size.toBytes() < 1 || size.compareTo(LARGEST_BODY) > 0) {
			reject(field, "range", "must be " + BODY_SIZES, "Set it to a size " + BODY_SIZES + ".");
		}
	}

	/**
	 * Rejects the value of a field; Spring Boot's failure analysis shows the property, the value and
	 * the message, which names the property as it is written ({@code cobo.token.read-timeout}).
	 */
	private void reject(String field, String code, String problem, String action) {
		this.errors.rejectValue(field, code, message(field, problem, action));
	}

	/**
	 * Rejects the value of a key without recording it: the error shows {@value #HIDDEN} as the value.
	 */
	private void rejectHidden(String field, String code, String problem, String action) {
		String message = message(field, problem, action);
		if (this.errors instanceof BindingResult result) {
			result.addError(new FieldError(result.getObjectName(), result.getNestedPath() + field, HIDDEN, false,
					result.resolveMessageCodes(code, field), null, message));
			return;
		}
		this.errors.reject(code, message);
	}

	private String message(String field, String problem, String action) {
		return property(field) + " " + problem + ". " + action;
	}

	/** @return the property a field is bound from, e.g. {@code cobo.token.read-timeout} for {@code token.readTimeout} */
	private String property(String field) {
		return this.prefix + "." + DataObjectPropertyName.toDashedForm(field);
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
