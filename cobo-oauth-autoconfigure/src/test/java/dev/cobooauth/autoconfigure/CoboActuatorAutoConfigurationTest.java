package dev.cobooauth.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Actuator sees whether each org's token can be had, and never sees a Cobo secret.
 */
class CoboActuatorAutoConfigurationTest {

	@StartStop
	final MockWebServer server = new MockWebServer();

	final MutableClock clock = MutableClock.startingNow();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class,
					CoboPermissionTokenAutoConfiguration.class, CoboActuatorAutoConfiguration.class, CoboTokenHealthAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.api-key.private-key=" + TestKeys.API_SECRET,
					"cobo.token.retry.max-attempts=1");
	}

	private static Health health(ApplicationContext context, String... path) {
		HealthContributor contributor = context.getBean(HealthContributorRegistry.class).getContributor("cobo");
		for (String name : path) {
			contributor = ((CompositeHealthContributor) contributor).getContributor(name);
		}
		return ((HealthIndicator) contributor).health(true);
	}

	@Test
	void tellsPerKnownOrgWhetherItsTokenCanBeHad() {
		this.server.enqueue(TokenResponses.orgToken("AT-ORG-1-SECRET", "RT-ORG-1-SECRET"));
		this.server.enqueue(SignedResponses.signed(403,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app not installed\"}"));

		runner().withPropertyValues("cobo.app.orgs=org-1,org-2").run((context) -> {
			Health installed = health(context, "org-1");
			assertThat(installed.getStatus()).isEqualTo(Status.UP);
			assertThat(installed.getDetails()).containsKeys("expiresAt", "lastSuccess").doesNotContainKey("lastError");

			Health uninstalled = health(context, "org-2");
			assertThat(uninstalled.getStatus()).isEqualTo(Status.DOWN);
			assertThat(uninstalled.getDetails()).containsEntry("lastError", "unauthorized_client")
				.containsKey("lastFailure");

			assertThat(installed.toString() + uninstalled).doesNotContain("SECRET");
		});
	}

	@Test
	void namesEachOrgRightUnderCoboSoItsPathDoesNotRepeatItself() {
		runner().withPropertyValues("cobo.app.orgs=org-1,org-2").run((context) -> {
			CompositeHealthContributor cobo = (CompositeHealthContributor) context
				.getBean(HealthContributorRegistry.class)
				.getContributor("cobo");

			// /actuator/health/cobo/org-1, not /actuator/health/cobo/cobo/org-1
			assertThat(cobo.stream()).extracting(HealthContributorRegistry.Entry::name)
				.containsExactly("org-1", "org-2", "permission-token");
			assertThat(cobo.getContributor("org-1")).isInstanceOf(HealthIndicator.class);
			assertThat(cobo.getContributor("cobo")).isNull();
		});
	}

	@Test
	void addsTheOrgsSeenSinceStartup() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		runner().run((context) -> {
			CompositeHealthContributor cobo = (CompositeHealthContributor) context
				.getBean(HealthContributorRegistry.class)
				.getContributor("cobo");
			assertThat(cobo.stream()).extracting(HealthContributorRegistry.Entry::name)
				.containsExactly("permission-token");

			context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-late");

			assertThat(cobo.stream()).extracting(HealthContributorRegistry.Entry::name)
				.containsExactly("org-late", "permission-token");
			assertThat(health(context, "org-late").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void neverGoesDownForAnOrgThatNeverHadATokenAndWasNotExpected() {
		this.server.enqueue(SignedResponses.signed(403,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app not installed\"}"));

		runner().run((context) -> {
			CoboOrgAccessTokens tokens = context.getBean(CoboOrgAccessTokens.class);
			assertThatThrownBy(() -> tokens.getAccessToken("org-from-a-request"))
				.isInstanceOf(ClientAuthorizationException.class);

			Health health = health(context, "org-from-a-request");
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("lastError", "unauthorized_client");
		});
	}

	@Test
	void remembersTheOrgsItSawUpToMaxTrackedOrgs() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(TokenResponses.orgToken("AT-" + i, "RT-" + i));
		}

		runner().withPropertyValues("cobo.token.max-tracked-orgs=2").run((context) -> {
			CoboOrgAccessTokens tokens = context.getBean(CoboOrgAccessTokens.class);
			tokens.getAccessToken("org-a");
			tokens.getAccessToken("org-b");
			tokens.getAccessToken("org-c");

			CompositeHealthContributor cobo = (CompositeHealthContributor) context
				.getBean(HealthContributorRegistry.class)
				.getContributor("cobo");
			assertThat(cobo.stream()).extracting(HealthContributorRegistry.Entry::name)
				.containsExactly("org-b", "org-c", "permission-token");
			assertThat(tokens.getAccessToken("org-a").getTokenValue()).isEqualTo("AT-0");
			assertThat(this.server.getRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void staysUpWhileTheStoredTokenIsValidThoughARefreshFailed() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(400, "{\"error\":\"invalid_client\"}"));

		runner().run((context) -> {
			CoboOrgAccessTokens tokens = context.getBean(CoboOrgAccessTokens.class);
			tokens.getAccessToken("org-1");
			// 45 s left: inside the 60 s margin, served while it is refreshed.
			this.clock.advance(Duration.ofSeconds(43199 - 45));
			tokens.getAccessToken("org-1");
			Awaitility.await()
				.until(() -> health(context, "org-1").getDetails().containsKey("lastError"));

			Health health = health(context, "org-1");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("lastError", "invalid_client");

			this.clock.advance(Duration.ofMinutes(1));
			assertThat(health(context, "org-1").getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void reportsThePermissionTokenOfTheApiKeyWithoutNamingTheKey() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));

		runner().run((context) -> {
			assertThat(health(context, "permission-token").getStatus()).isEqualTo(Status.UNKNOWN);

			context.getBean(CoboPermissionTokens.class).current();

			Health health = health(context, "permission-token");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.toString()).doesNotContain(TestKeys.signer(TestKeys.API_SECRET,
					KeyType.ED25519).publicKeyHex());
		});
	}

	@Test
	void canBeTurnedOff() {
		runner().withPropertyValues("management.health.cobo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("coboHealthContributor"));
	}

	@Test
	void isAbsentWithoutAnyKey() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class, CoboActuatorAutoConfiguration.class, CoboTokenHealthAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("coboHealthContributor"));
	}

	@Test
	void startsWithoutTheActuator() {
		runner().withClassLoader(new FilteredClassLoader(HealthContributor.class, SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("coboHealthContributor")
				.hasSingleBean(CoboOrgAccessTokens.class));
	}

	// --- masking ---------------------------------------------------------------------------

	private ApplicationContextRunner endpoints() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboActuatorAutoConfiguration.class, CoboTokenHealthAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
					"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
					"cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET,
					"cobo.api-key.privateKey=" + TestKeys.API_SECRET,
					"cobo.token-store.jdbc.encryption-key=0123456789abcdef0123456789abcdef");
	}

	@Test
	void masksCoboSecretsInTheEnvironmentEndpointEvenWhenShowingValues() {
		endpoints().run((context) -> {
			EnvironmentEndpoint env = context.getBean(EnvironmentEndpoint.class);
			Map<String, Object> values = new HashMap<>();
			env.environment(null)
				.getPropertySources()
				.forEach((source) -> source.getProperties().forEach((name, value) -> values.put(name, value.getValue())));

			assertThat(values).containsEntry("cobo.app.private-key", "******")
				.containsEntry("cobo.api-key.privateKey", "******")
				.containsEntry("cobo.token-store.jdbc.encryption-key", "******")
				.containsEntry("cobo.app.client-id", "app-1");
			assertThat(env.environmentEntry("cobo.app.private-key").toString()).doesNotContain(TestKeys.APP_SECRET);
			assertThat(values.toString()).doesNotContain(TestKeys.APP_SECRET).doesNotContain(TestKeys.API_SECRET);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void masksCoboSecretsInTheConfigurationPropertiesEndpointEvenWhenShowingValues() {
		endpoints().run((context) -> {
			Map<String, Object> cobo = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("cobo")
				.getContexts()
				.values()
				.iterator()
				.next()
				.getBeans()
				.values()
				.iterator()
				.next()
				.getProperties();

			Map<String, Object> app = (Map<String, Object>) cobo.get("app");
			assertThat(app).containsEntry("privateKey", "******").containsEntry("clientId", "app-1");
			assertThat(((Map<String, Object>) cobo.get("apiKey"))).containsEntry("privateKey", "******");
			assertThat(cobo.toString()).doesNotContain(TestKeys.APP_SECRET).doesNotContain(TestKeys.API_SECRET);
		});
	}

	@Test
	void masksEverySpellingOfACoboSecretAndNothingElse() {
		Sanitizer sanitizer = new Sanitizer(List.of(new CoboSecretsSanitizingFunction()));
		for (String key : new String[] { "cobo.app.private-key", "cobo.app.privateKey", "COBO_APP_PRIVATEKEY",
				"cobo.api-key.private_key", "cobo.token-store.jdbc.encryption-key", "cobo.token-store.encryptionKey" }) {
			assertThat(sanitizer.sanitize(new SanitizableData(null, key,
					"secret"), true))
				.as(key)
				.isEqualTo("******");
		}
		for (String key : new String[] { "cobo.app.private-key-location", "cobo.response-verification.public-key",
				"cobo.app.client-id", "other.private-key" }) {
			assertThat(sanitizer.sanitize(new SanitizableData(null, key,
					"visible"), true))
				.as(key)
				.isEqualTo("visible");
		}
	}

}
