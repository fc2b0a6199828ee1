package dev.cobooauth.autoconfigure;

import dev.cobooauth.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of {@code cobo.*} is checked when it is bound: one out of range stops the
 * application with a failure analysis that names the property, the value given (never a key) and
 * the values accepted. The analyzer runs on the real failure of a starting context.
 */
class CoboPropertiesValidationTest {

	private static final String ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboDeliveryVerifierAutoConfiguration.class, CoboWebhookAutoConfiguration.class));

	private FailureAnalysis analysis(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new InvalidCoboPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
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

	@Test
	void refusesNoAttemptAtAll() {
		FailureAnalysis analysis = analysis("cobo.token.retry.max-attempts=0");

		assertThat(analysis.getDescription()).isEqualTo(
				"Cobo is misconfigured: property cobo.token.retry.max-attempts must be 1 or more; the value given is '0'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token.retry.max-attempts to 1 or more (default 3).");
	}

	@Test
	void refusesANegativeClockSkew() {
		FailureAnalysis analysis = analysis("cobo.token.clock-skew=-5s");

		assertThat(analysis.getDescription()).isEqualTo(
				"Cobo is misconfigured: property cobo.token.clock-skew must not be negative; the value given is '-5s'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token.clock-skew to 0s or more (default 1m).");
	}

	@Test
	void refusesAnAcquireTimeoutOfZero() {
		FailureAnalysis analysis = analysis("cobo.token.acquire-timeout=0s");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token.acquire-timeout "
				+ "must be a positive duration; the value given is '0s'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token.acquire-timeout to more than 0s (default 30s).");
	}

	@Test
	void refusesAConnectTimeoutOfZero() {
		FailureAnalysis analysis = analysis("cobo.token.connect-timeout=0ms");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token.connect-timeout "
				+ "must be a positive duration; the value given is '0s'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token.connect-timeout to more than 0s (default 5s).");
	}

	@Test
	void refusesANegativeReadTimeout() {
		FailureAnalysis analysis = analysis("cobo.token.read-timeout=-1500ms");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token.read-timeout "
				+ "must be a positive duration; the value given is '-1500ms'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token.read-timeout to more than 0s (default 10s).");
	}

	@Test
	void refusesANegativeInitialBackoff() {
		FailureAnalysis analysis = analysis("cobo.token.retry.initial-backoff=-1s");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property "
				+ "cobo.token.retry.initial-backoff must not be negative; the value given is '-1s'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token.retry.initial-backoff to 0s or more (default 200ms).");
	}

	@Test
	void refusesAMaxBackoffShorterThanTheInitialOne() {
		FailureAnalysis analysis = analysis("cobo.token.retry.initial-backoff=2s", "cobo.token.retry.max-backoff=1s");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token.retry.max-backoff "
				+ "must not be shorter than cobo.token.retry.initial-backoff (2s); the value given is '1s'.");
		assertThat(analysis.getAction()).isEqualTo(
				"Set cobo.token.retry.max-backoff to cobo.token.retry.initial-backoff (2s) or more (default 5s).");
	}

	@Test
	void refusesAWebhookToleranceOfZero() {
		FailureAnalysis analysis = analysis("cobo.webhook.tolerance=0s");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.webhook.tolerance "
				+ "must be a positive duration; the value given is '0s'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.webhook.tolerance to more than 0s (default 5m).");
	}

	@Test
	void refusesAnEmptyReplayCache() {
		FailureAnalysis analysis = analysis("cobo.webhook.replay-cache-size=0");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.webhook.replay-cache-size "
				+ "must be 1 or more; the value given is '0'.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.webhook.replay-cache-size to 1 or more (default 10000).");
	}

	@Test
	void refusesAMaxBodySizeOfZero() {
		FailureAnalysis analysis = analysis("cobo.webhook.max-body-size=0B");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.webhook.max-body-size "
				+ "must be between 1B and 2047MB; the value given is '0B'.");
		assertThat(analysis.getAction())
			.isEqualTo("Set cobo.webhook.max-body-size to a size between 1B and 2047MB (default 1MB).");
	}

	@Test
	void refusesAMaxBodySizeAWebhookResolverCannotRead() {
		FailureAnalysis analysis = analysis("cobo.webhook.max-body-size=2GB");

		assertThat(analysis.getDescription()).contains("cobo.webhook.max-body-size").endsWith("given is '2GB'.");
		assertThat(analysis.getAction()).contains("between 1B and 2047MB");
	}

	@Test
	void refusesAnEmptyPermissionType() {
		FailureAnalysis analysis = analysis("cobo.permission-token.permission-type= ");

		assertThat(analysis.getDescription())
			.isEqualTo("Cobo is misconfigured: property cobo.permission-token.permission-type is empty.");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.permission-token.permission-type to the permission your "
				+ "front end needs, or remove it to use the default (payment_orders_payin).");
	}

	@Test
	void refusesABaseUrlThatIsNotAbsolute() {
		FailureAnalysis analysis = analysis("cobo.base-url=localhost:8089/v2",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.base-url "
				+ "'localhost:8089/v2' is not a valid base URL (not an absolute http or https URL).");
		assertThat(analysis.getAction()).startsWith("Set cobo.base-url to an absolute http or https URL including the "
				+ "/v2 prefix, without query or fragment, e.g. http://127.0.0.1:8089/v2");
	}

	@Test
	void refusesABaseUrlWithAQuery() {
		FailureAnalysis analysis = analysis("cobo.base-url=http://127.0.0.1:8089/v2?tenant=1",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

		assertThat(analysis.getDescription()).contains("property cobo.base-url 'http://127.0.0.1:8089/v2?tenant=1'")
			.endsWith("(a base URL has no query or fragment).");
		assertThat(analysis.getAction()).startsWith("Set cobo.base-url to an absolute http or https URL");
	}

	@Test
	void refusesAMalformedEncryptionKeyWithoutShowingIt() {
		String malformed = ENCRYPTION_KEY.substring(34);
		FailureAnalysis analysis = analysis("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + malformed);

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token-store.encryption-key "
				+ "is not 64 hex characters (30 characters given); the value given is (hidden).");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token-store.encryption-key to a 32-byte AES key as 64 hex "
				+ "characters, e.g. from 'openssl rand -hex 32'.");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(malformed);
	}

	@Test
	void refusesAnEncryptionKeyThatIsNotHexWithoutShowingIt() {
		String notHex = ENCRYPTION_KEY.substring(1) + "g";
		FailureAnalysis analysis = analysis("cobo.token-store.type=jdbc", "cobo.token-store.encryption-key=" + notHex);

		assertThat(analysis.getDescription()).contains("is not 64 hex characters (a character is not a hex digit)")
			.endsWith("the value given is (hidden).")
			.doesNotContain(notHex);
	}

	@Test
	void refusesAnEncryptionKeyForTokensKeptInMemory() {
		FailureAnalysis analysis = analysis("cobo.token-store.encryption-key=" + ENCRYPTION_KEY);

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token-store.encryption-key "
				+ "is set, but cobo.token-store.type is memory, which keeps tokens in this instance's memory only; the "
				+ "value given is (hidden).");
		assertThat(analysis.getAction()).isEqualTo("Set cobo.token-store.type=jdbc to store tokens encrypted in the "
				+ "database, or remove cobo.token-store.encryption-key.");
	}

	@Test
	void refusesAKeyGivenBothInlineAndAsAFileWithoutShowingIt() {
		FailureAnalysis analysis = analysis("cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET,
				"cobo.app.private-key-location=file:/run/secrets/cobo-app");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.app.private-key is set "
				+ "together with cobo.app.private-key-location; the value given is (hidden).");
		assertThat(analysis.getAction())
			.isEqualTo("Set only one of cobo.app.private-key and cobo.app.private-key-location.");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(TestKeys.APP_SECRET);
	}

	@Test
	void refusesTheApiKeyGivenTwiceToo() {
		FailureAnalysis analysis = analysis("cobo.api-key.private-key=" + TestKeys.API_SECRET,
				"cobo.api-key.private-key-location=file:/run/secrets/cobo-api");

		assertThat(analysis.getDescription()).contains("property cobo.api-key.private-key is set together with "
				+ "cobo.api-key.private-key-location");
		assertThat(analysis.getAction())
			.isEqualTo("Set only one of cobo.api-key.private-key and cobo.api-key.private-key-location.");
	}

	@Test
	void refusesACustomBaseUrlWithoutItsResponseKey() {
		FailureAnalysis analysis = analysis("cobo.base-url=http://127.0.0.1:8089/v2");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property "
				+ "cobo.response-verification.public-key is required when cobo.base-url is set and response "
				+ "verification is on.");
		assertThat(analysis.getAction()).startsWith("Set cobo.response-verification.public-key to the 64 hex characters")
			.endsWith("set cobo.response-verification.enabled=false.");
	}

	@Test
	void refusesAJdbcTokenStoreWithoutAnEncryptionKey() {
		FailureAnalysis analysis = analysis("cobo.token-store.type=jdbc");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.token-store.encryption-key "
				+ "is missing while cobo.token-store.type is jdbc, which would store every org's access and refresh "
				+ "tokens in clear.");
		assertThat(analysis.getAction()).startsWith("Set cobo.token-store.encryption-key to a 32-byte AES key")
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
		FailureAnalysis analysis = analysis("cobo.base-url=http://cobo-proxy.internal:8080/v2",
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property cobo.base-url "
				+ "'http://cobo-proxy.internal:8080/v2' sends signed requests and bearer tokens in clear (http) to a "
				+ "host that is not this machine.");
		assertThat(analysis.getAction()).isEqualTo("Use https for cobo-proxy.internal; http is accepted only for a "
				+ "loopback host (127.0.0.0/8, ::1, localhost), such as a local simulator.");
	}

	@Test
	void refusesPlainHttpToAHostThatOnlyLooksLikeLoopback() {
		for (String host : new String[] { "127.0.0.1.nip.io", "128.0.0.1", "10.0.0.1", "localhost.example", "[::2]" }) {
			FailureAnalysis analysis = analysis("cobo.base-url=http://" + host + ":8089/v2",
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

			assertThat(analysis.getDescription()).as(host).contains("sends signed requests and bearer tokens in clear");
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
		FailureAnalysis analysis = analysis("cobo.response-verification.tolerance=0s");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property "
				+ "cobo.response-verification.tolerance must be a positive duration; the value given is '0s'.");
		assertThat(analysis.getAction())
			.isEqualTo("Set cobo.response-verification.tolerance to more than 0s (default 5m).");
	}

	@Test
	void refusesAResponseMaxBodySizeOfZero() {
		FailureAnalysis analysis = analysis("cobo.response-verification.max-body-size=0B");

		assertThat(analysis.getDescription()).isEqualTo("Cobo is misconfigured: property "
				+ "cobo.response-verification.max-body-size must be between 1B and 2047MB; the value given is '0B'.");
		assertThat(analysis.getAction()).isEqualTo(
				"Set cobo.response-verification.max-body-size to a size between 1B and 2047MB (default 10MB).");
	}

}
