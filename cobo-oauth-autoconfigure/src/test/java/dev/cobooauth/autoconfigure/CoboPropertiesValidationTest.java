package dev.cobooauth.autoconfigure;

import java.time.Duration;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of {@code cobo.*} is checked when it is bound: one out of range is rejected through
 * Spring Boot's binding validation, with the property, the value given (never a key) and a message
 * that names the property as it is written and the values accepted. Spring Boot's failure analysis
 * shows exactly these ({@link CoboPropertiesFailureAnalysisTest}).
 */
class CoboPropertiesValidationTest {

	private static final String ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboDeliveryVerifierAutoConfiguration.class, CoboWebhookAutoConfiguration.class));

	/**
	 * @return the one value refused, as Spring Boot's failure analysis shows it: the property
	 * ({@code getObjectName()} and {@code getField()}), the value and the message
	 */
	private FieldError rejection(String... properties) {
		ObjectError[] error = new ObjectError[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			BindValidationException validation = null;
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof BindValidationException found) {
					validation = found;
				}
			}
			assertThat(validation).as(NestedExceptionUtils.getMostSpecificCause(failure).toString()).isNotNull();
			assertThat(validation.getValidationErrors().getAllErrors()).hasSize(1);
			error[0] = validation.getValidationErrors().getAllErrors().get(0);
		});
		assertThat(error[0]).isInstanceOf(FieldError.class);
		return (FieldError) error[0];
	}

	@Test
	void startsWithTheDefaults() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsWithEveryValueAtItsLimit() {
		// With jdbc, webhook deliveries are remembered in the application's database: H2 here.
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("cobo.token.clock-skew=0s", "cobo.token.acquire-timeout=1ms",
					"cobo.token.connect-timeout=1ms", "cobo.token.read-timeout=1ms", "cobo.token.retry.max-attempts=1",
					"cobo.token.retry.initial-backoff=0s", "cobo.token.retry.max-backoff=0s",
					"cobo.webhook.tolerance=1ms", "cobo.webhook.replay-cache-size=1", "cobo.webhook.max-body-size=2047MB",
					"cobo.response-verification.tolerance=1ms", "cobo.response-verification.max-body-size=2047MB",
					"cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + ENCRYPTION_KEY.toUpperCase())
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("cobo.webhook.max-body-size=1B", "cobo.base-url=https://cobo.example/v2/",
				"cobo.response-verification.max-body-size=1B",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey())
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static String property(FieldError error) {
		return error.getObjectName() + "." + error.getField();
	}

	@Test
	void refusesNoAttemptAtAll() {
		FieldError error = rejection("cobo.token.retry.max-attempts=0");

		assertThat(property(error)).isEqualTo("cobo.token.retry.maxAttempts");
		assertThat(error.getRejectedValue()).isEqualTo(0);
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.token.retry.max-attempts must be 1 or more. Set it to 1 or more.");
	}

	@Test
	void refusesANegativeClockSkew() {
		FieldError error = rejection("cobo.token.clock-skew=-5s");

		assertThat(property(error)).isEqualTo("cobo.token.clockSkew");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ofSeconds(-5));
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.token.clock-skew must not be negative. Set it to 0s or more.");
	}

	@Test
	void refusesAnAcquireTimeoutOfZero() {
		FieldError error = rejection("cobo.token.acquire-timeout=0s");

		assertThat(property(error)).isEqualTo("cobo.token.acquireTimeout");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ZERO);
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.token.acquire-timeout must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void refusesAConnectTimeoutOfZero() {
		FieldError error = rejection("cobo.token.connect-timeout=0ms");

		assertThat(property(error)).isEqualTo("cobo.token.connectTimeout");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ZERO);
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.token.connect-timeout must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void refusesANegativeReadTimeout() {
		FieldError error = rejection("cobo.token.read-timeout=-1500ms");

		assertThat(property(error)).isEqualTo("cobo.token.readTimeout");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ofMillis(-1500));
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.token.read-timeout must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void refusesANegativeInitialBackoff() {
		FieldError error = rejection("cobo.token.retry.initial-backoff=-1s", "cobo.token.retry.max-backoff=1s");

		assertThat(property(error)).isEqualTo("cobo.token.retry.initialBackoff");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ofSeconds(-1));
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.token.retry.initial-backoff must not be negative. Set it to 0s or more.");
	}

	@Test
	void refusesAMaxBackoffShorterThanTheInitialOne() {
		FieldError error = rejection("cobo.token.retry.initial-backoff=2s", "cobo.token.retry.max-backoff=1s");

		assertThat(property(error)).isEqualTo("cobo.token.retry.maxBackoff");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ofSeconds(1));
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.token.retry.max-backoff must not be shorter than "
				+ "cobo.token.retry.initial-backoff (2000ms). Set it to cobo.token.retry.initial-backoff (2000ms) or more.");
	}

	@Test
	void refusesAnInitialBackoffLongerThanTheDefaultMaxBackoff() {
		FieldError error = rejection("cobo.token.retry.initial-backoff=10s");

		assertThat(property(error)).isEqualTo("cobo.token.retry.maxBackoff");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void refusesAWebhookToleranceOfZero() {
		FieldError error = rejection("cobo.webhook.tolerance=0s");

		assertThat(property(error)).isEqualTo("cobo.webhook.tolerance");
		assertThat(error.getRejectedValue()).isEqualTo(Duration.ZERO);
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.webhook.tolerance must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void refusesAnEmptyReplayCache() {
		FieldError error = rejection("cobo.webhook.replay-cache-size=0");

		assertThat(property(error)).isEqualTo("cobo.webhook.replayCacheSize");
		assertThat(error.getRejectedValue()).isEqualTo(0);
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.webhook.replay-cache-size must be 1 or more. Set it to 1 or more.");
	}

	@Test
	void refusesAMaxBodySizeOfZero() {
		FieldError error = rejection("cobo.webhook.max-body-size=0B");

		assertThat(property(error)).isEqualTo("cobo.webhook.maxBodySize");
		assertThat(error.getRejectedValue()).isEqualTo(DataSize.ofBytes(0));
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.webhook.max-body-size must be between 1B and 2047MB. "
				+ "Set it to a size between 1B and 2047MB.");
	}

	@Test
	void refusesAMaxBodySizeAWebhookResolverCannotRead() {
		FieldError error = rejection("cobo.webhook.max-body-size=2GB");

		assertThat(property(error)).isEqualTo("cobo.webhook.maxBodySize");
		assertThat(error.getRejectedValue()).isEqualTo(DataSize.ofGigabytes(2));
		assertThat(error.getDefaultMessage()).contains("between 1B and 2047MB");
	}

	@Test
	void refusesAnEmptyPermissionType() {
		FieldError error = rejection("cobo.permission-token.permission-type= ");

		assertThat(property(error)).isEqualTo("cobo.permissionToken.permissionType");
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.permission-token.permission-type is empty. Set it to "
				+ "the permission your front end needs, or remove it to use the default (payment_orders_payin).");
	}

	@Test
	void refusesABaseUrlThatIsNotAbsolute() {
		FieldError error = rejection("cobo.base-url=localhost:8089/v2",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

		assertThat(property(error)).isEqualTo("cobo.baseUrl");
		assertThat(error.getRejectedValue()).isEqualTo("localhost:8089/v2");
		assertThat(error.getDefaultMessage()).startsWith("cobo.base-url is not a valid base URL (not an absolute http "
				+ "or https URL). Set it to an absolute http or https URL including the /v2 prefix, without query or "
				+ "fragment, e.g. http://127.0.0.1:8089/v2");
	}

	@Test
	void refusesABaseUrlWithAQuery() {
		FieldError error = rejection("cobo.base-url=http://127.0.0.1:8089/v2?tenant=1",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

		assertThat(error.getRejectedValue()).isEqualTo("http://127.0.0.1:8089/v2?tenant=1");
		assertThat(error.getDefaultMessage())
			.startsWith("cobo.base-url is not a valid base URL (a base URL has no query or fragment).");
	}

	@Test
	void refusesAMalformedEncryptionKeyWithoutShowingIt() {
		String malformed = ENCRYPTION_KEY.substring(34);
		FieldError error = rejection("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + malformed);

		assertThat(property(error)).isEqualTo("cobo.tokenStore.encryptionKey");
		assertThat(error.getRejectedValue()).isEqualTo("(hidden)");
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.token-store.encryption-key is not 64 hex characters (30 "
				+ "characters given). Set it to a 32-byte AES key as 64 hex characters, e.g. from 'openssl rand -hex 32'.");
		assertThat(error.toString()).doesNotContain(malformed);
	}

	@Test
	void refusesAnEncryptionKeyThatIsNotHexWithoutShowingIt() {
		String notHex = ENCRYPTION_KEY.substring(1) + "g";
		FieldError error = rejection("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + notHex);

		assertThat(error.getRejectedValue()).isEqualTo("(hidden)");
		assertThat(error.getDefaultMessage()).contains("is not 64 hex characters (a character is not a hex digit)");
		assertThat(error.toString()).doesNotContain(notHex);
	}

	@Test
	void refusesAnEncryptionKeyForTokensKeptInMemory() {
		FieldError error = rejection("cobo.token-store.encryption-key=" + ENCRYPTION_KEY);

		assertThat(property(error)).isEqualTo("cobo.tokenStore.encryptionKey");
		assertThat(error.getRejectedValue()).isEqualTo("(hidden)");
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.token-store.encryption-key is set, but "
				+ "cobo.token-store.type is memory, which keeps tokens in this instance's memory only. Set "
				+ "cobo.token-store.type=jdbc to store tokens encrypted in the database, or remove it.");
		assertThat(error.toString()).doesNotContain(ENCRYPTION_KEY);
	}

	@Test
	void refusesAKeyGivenBothInlineAndAsAFileWithoutShowingIt() {
		FieldError error = rejection("cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET,
				"cobo.app.private-key-location=file:/run/secrets/cobo-app");

		assertThat(property(error)).isEqualTo("cobo.app.privateKeyLocation");
		assertThat(error.getRejectedValue()).hasToString("URL [file:/run/secrets/cobo-app]");
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.app.private-key-location is set together with "
				+ "cobo.app.private-key. Set only one of cobo.app.private-key and cobo.app.private-key-location.");
		assertThat(error.toString()).doesNotContain(TestKeys.APP_SECRET);
	}

	@Test
	void refusesTheApiKeyGivenTwiceToo() {
		FieldError error = rejection("cobo.api-key.private-key=" + TestKeys.API_SECRET,
				"cobo.api-key.private-key-location=file:/run/secrets/cobo-api");

		assertThat(property(error)).isEqualTo("cobo.apiKey.privateKeyLocation");
		assertThat(error.getDefaultMessage()).endsWith(
				"Set only one of cobo.api-key.private-key and cobo.api-key.private-key-location.");
		assertThat(error.toString()).doesNotContain(TestKeys.API_SECRET);
	}

	@Test
	void refusesAnAppKeyWithoutItsClientIdWithoutShowingTheKey() {
		FieldError error = rejection("cobo.app.private-key=" + TestKeys.APP_SECRET);

		assertThat(property(error)).isEqualTo("cobo.app.clientId");
		assertThat(error.getRejectedValue()).isNull();
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.app.client-id is missing while an app key is "
				+ "configured. Set it to the client ID from your Portal App's published manifest.");
		assertThat(error.toString()).doesNotContain(TestKeys.APP_SECRET);
	}

	@Test
	void refusesACustomBaseUrlWithoutItsResponseKey() {
		FieldError error = rejection("cobo.base-url=http://127.0.0.1:8089/v2");

		assertThat(property(error)).isEqualTo("cobo.responseVerification.publicKey");
		assertThat(error.getDefaultMessage()).startsWith("cobo.response-verification.public-key is required when "
				+ "cobo.base-url is set and response verification is on. Set it to the 64 hex characters")
			.endsWith("set cobo.response-verification.enabled=false.");
	}

	@Test
	void refusesAJdbcTokenStoreWithoutAnEncryptionKey() {
		FieldError error = rejection("cobo.token-store.type=jdbc");

		assertThat(property(error)).isEqualTo("cobo.tokenStore.encryptionKey");
		assertThat(error.getDefaultMessage()).startsWith("cobo.token-store.encryption-key is missing while "
				+ "cobo.token-store.type is jdbc, which would store every org's access and refresh tokens in clear. "
				+ "Set it to a 32-byte AES key")
			.endsWith("or, knowingly, set cobo.token-store.allow-plaintext=true.");
	}

	@Test
	void startsAJdbcTokenStoreInClearOnlyWhenAllowed() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("cobo.token-store.type=jdbc", "cobo.token-store.allow-plaintext=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesAPlainHttpBaseUrlOnAnotherHost() {
		FieldError error = rejection("cobo.base-url=http://cobo-proxy.internal:8080/v2",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

		assertThat(property(error)).isEqualTo("cobo.baseUrl");
		assertThat(error.getRejectedValue()).isEqualTo("http://cobo-proxy.internal:8080/v2");
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.base-url sends signed requests and bearer tokens in "
				+ "clear (http) to a host that is not this machine. Use https for cobo-proxy.internal; http is "
				+ "accepted only for a loopback host (127.0.0.0/8, ::1, localhost), such as a local simulator.");
	}

	@Test
	void refusesPlainHttpToAHostThatOnlyLooksLikeLoopback() {
		for (String host : new String[] { "127.0.0.1.nip.io", "128.0.0.1", "10.0.0.1", "localhost.example", "[::2]" }) {
			FieldError error = rejection("cobo.base-url=http://" + host + ":8089/v2",
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

			assertThat(error.getDefaultMessage()).as(host).contains("sends signed requests and bearer tokens in clear");
		}
	}

	@Test
	void acceptsPlainHttpToEveryLoopbackHost() {
		for (String host : new String[] { "127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]" }) {
			this.runner
				.withPropertyValues("cobo.base-url=http://" + host + ":8089/v2",
						"cobo.response-verification.public-key=" + TestKeys.coboPublicKey())
				.run((context) -> assertThat(context).as(host).hasNotFailed());
		}
	}

	@Test
	void refusesAResponseToleranceOfZero() {
		FieldError error = rejection("cobo.response-verification.tolerance=0s");

		assertThat(property(error)).isEqualTo("cobo.responseVerification.tolerance");
		assertThat(error.getDefaultMessage())
			.isEqualTo("cobo.response-verification.tolerance must be a positive duration. Set it to more than 0s.");
	}

	@Test
	void refusesAResponseMaxBodySizeOfZero() {
		FieldError error = rejection("cobo.response-verification.max-body-size=0B");

		assertThat(property(error)).isEqualTo("cobo.responseVerification.maxBodySize");
		assertThat(error.getDefaultMessage()).isEqualTo("cobo.response-verification.max-body-size must be between 1B "
				+ "and 2047MB. Set it to a size between 1B and 2047MB.");
	}

	@Test
	void reportsEveryValueThatIsWrongAtOnce() {
		this.runner.withPropertyValues("cobo.token.read-timeout=0s", "cobo.token.retry.max-attempts=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("token.readTimeout")
				.hasMessageContaining("token.retry.maxAttempts"));
	}

}
