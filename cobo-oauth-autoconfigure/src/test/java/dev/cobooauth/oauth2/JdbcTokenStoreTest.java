package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.PostgresSchema;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one instance with {@code cobo.token-store.type=jdbc} does with its tokens on PostgreSQL:
 * encrypts them at rest, obtains a token anew rather than use one it cannot read, says clearly
 * when the database does not answer, and holds one connection per token request.
 */
@ExtendWith(OutputCaptureExtension.class)
class JdbcTokenStoreTest {

	private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

	private static final String OTHER_KEY = "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff";

	private static final String UNREADABLE = "does not decrypt with cobo.token-store.encryption-key";

	private static PostgresSchema schema;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final MutableClock clock = MutableClock.startingNow();

	private final RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(10));

	@BeforeAll
	static void createSchema() {
		schema = PostgresSchema.create();
	}

	@AfterAll
	static void dropSchema() {
		schema.close();
	}

	@BeforeEach
	void startWithoutTokens() {
		schema.dropTokenTable();
		this.server.setDispatcher(this.cobo);
	}

	private ApplicationContextRunner instance(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					CoboSigningAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues(schema.dataSourceProperties())
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token-store.type=jdbc",
					"cobo.token-store.allow-plaintext=true", "cobo.token-store.initialize-schema=always")
			.withPropertyValues(properties);
	}

	private static String token(ApplicationContext instance, String org) {
		return instance.getBean(CoboOrgAccessTokens.class).getAccessToken(org).getTokenValue();
	}

	private static String reactiveToken(ApplicationContext instance, String org) {
		return instance.getBean(ReactiveCoboOrgAccessTokens.class).getAccessToken(org).block().getTokenValue();
	}

	private static String stored(String column) {
		byte[] value = schema.jdbc().queryForObject("SELECT " + column + " FROM oauth2_authorized_client", byte[].class);
		return new String(value, StandardCharsets.ISO_8859_1);
	}

	@Test
	void storesTokenValuesEncryptedAndReadsThemBackAfterARestart() {
		String[] token = new String[1];
		instance("cobo.token-store.encryption-key=" + KEY).run((first) -> token[0] = token(first, "org-1"));

		assertThat(stored("access_token_value")).doesNotContain(token[0]).doesNotContain("AT-");
		assertThat(stored("refresh_token_value")).doesNotContain("RT-");
		instance("cobo.token-store.encryption-key=" + KEY)
			.run((restarted) -> assertThat(token(restarted, "org-1")).isEqualTo(token[0]));
		assertThat(this.cobo.orgImplicitGrants()).isEqualTo(1);
	}

	@Test
	void storesTokenValuesAsTextWithoutAKey() {
		instance().run((instance) -> {
			String token = token(instance, "org-1");

			assertThat(stored("access_token_value")).isEqualTo(token);
			assertThat(stored("refresh_token_value")).isEqualTo("RT-implicit-1");
		});
	}

	@Test
	void reportsATokenEncryptedUnderAnotherKeyOnceAndObtainsItAnew(CapturedOutput output) {
		instance("cobo.token-store.encryption-key=" + KEY).run((first) -> token(first, "org-1"));

		instance("cobo.token-store.encryption-key=" + OTHER_KEY).run((rekeyed) -> {
			assertThat(token(rekeyed, "org-1")).isEqualTo("AT-implicit-2");
			assertThat(token(rekeyed, "org-1")).isEqualTo("AT-implicit-2");
		});

		assertThat(this.cobo.orgImplicitGrants()).isEqualTo(2);
		assertThat(this.cobo.refreshes()).isZero();
		assertThat(output.getOut().split(UNREADABLE, -1)).hasSize(2);
		assertThat(output.getOut()).contains("Cannot read the stored token of 'org-1' (registration cobo)")
			.contains("a new token is obtained and replaces it")
			.doesNotContain(KEY)
			.doesNotContain(OTHER_KEY);
	}

	@Test
	void replacesTokensStoredAsTextOnceAKeyIsSet() {
		instance().run((plain) -> token(plain, "org-1"));

		instance("cobo.token-store.encryption-key=" + KEY).run((encrypted) -> {
			assertThat(token(encrypted, "org-1")).isEqualTo("AT-implicit-2");
			assertThat(stored("access_token_value")).doesNotContain("AT-");
		});
	}

	@Test
	void neverSendsAnEncryptedTokenWhenTheKeyIsRemoved() {
		instance("cobo.token-store.encryption-key=" + KEY).run((encrypted) -> token(encrypted, "org-1"));

		instance().run((plain) -> assertThat(token(plain, "org-1")).isEqualTo("AT-implicit-2"));
	}

	@Test
	void saysWhichStoreIsUnavailableAndWhyOnEitherStack() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		instance("spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/test",
				"spring.datasource.hikari.connection-timeout=250", "cobo.token-store.initialize-schema=embedded")
			.run((instance) -> {
				assertThatThrownBy(() -> token(instance, "org-1"))
					.isInstanceOf(CoboTokenStoreUnavailableException.class)
					.hasMessageStartingWith("Cobo token store jdbc (table oauth2_authorized_client) is unavailable: "
							+ "could not read the token of 'org-1' (registration cobo): ")
					.hasMessageContaining("127.0.0.1:" + closedPort + " refused");
				assertThatThrownBy(() -> reactiveToken(instance, "org-1"))
					.isInstanceOf(CoboTokenStoreUnavailableException.class)
					.hasMessageContaining("127.0.0.1:" + closedPort + " refused");
				assertThat(this.server.getRequestCount()).isZero();
			});
	}

	@Test
	void holdsOneConnectionPerTokenRequestOnEitherStack() {
		instance("spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=2000")
			.run((instance) -> {
				assertThat(token(instance, "org-1")).isEqualTo("AT-implicit-1");
				this.clock.advance(Duration.ofHours(12));
				assertThat(reactiveToken(instance, "org-1")).isEqualTo("AT-refresh-1");
				this.clock.advance(Duration.ofHours(12));
				assertThat(token(instance, "org-1")).isEqualTo("AT-refresh-2");
				assertThat(reactiveToken(instance, "org-2")).isEqualTo("AT-implicit-2");
			});
	}

}
