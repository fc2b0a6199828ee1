package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens of the orgs listed in {@code cobo.app.orgs}: fetched at startup, and kept fresh in the
 * background when asked.
 */
class OrgTokenWarmUpTest {

	@StartStop
	final MockWebServer server = new MockWebServer();

	final MutableClock clock = MutableClock.startingNow();

	private ApplicationContextRunner runner(RotatingTokenServer cobo) {
		this.server.setDispatcher(cobo);
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token.retry.max-attempts=1");
	}

	@Test
	void fetchesTheTokensOfTheListedOrgsAtStartup() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ZERO);
		runner(cobo).withPropertyValues("cobo.app.orgs=org-1,org-2").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(cobo.orgImplicitGrants()).isEqualTo(2);

			context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-1");
			assertThat(cobo.orgImplicitGrants()).isEqualTo(2);
		});
	}

	@Test
	void startsAnywayWhenAWarmUpFails() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ZERO);
		cobo.failNext(1);
		runner(cobo).withPropertyValues("cobo.app.orgs=org-1").run((context) -> {
			assertThat(context).hasNotFailed();
			// Cobo refused the org: calls fail at once for cobo.token.refused-org-backoff, then ask again.
			this.clock.advance(Duration.ofSeconds(31));
			context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-1");
			assertThat(cobo.orgImplicitGrants()).isEqualTo(1);
		});
	}

	@Test
	void stopsTheApplicationWhenAWarmUpFailsWithFailFast() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ZERO);
		cobo.failNext(1);
		runner(cobo).withPropertyValues("cobo.app.orgs=org-1", "cobo.app.fail-fast=true")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("cobo.app.fail-fast is on and the Org Access Token of org org-1")
				.hasStackTraceContaining("boom"));
		assertThat(cobo.orgImplicitGrants()).isZero();
	}

	@Test
	void refreshesTheListedOrgsInTheBackgroundBeforeTheirTokensAreDue() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ZERO);
		runner(cobo).withPropertyValues("cobo.app.orgs=org-1", "cobo.token.proactive-refresh=true",
				"cobo.token.clock-skew=2s")
			.run((context) -> {
				assertThat(cobo.orgImplicitGrants()).isEqualTo(1);
				// One second left: inside the 2 s refresh margin, not yet expired.
				this.clock.advance(Duration.ofSeconds(43199 - 1));

				Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> cobo.refreshes() == 1);
				assertThat(cobo.calls()).isZero();
			});
	}

	@Test
	void doesNotRefreshInTheBackgroundUnlessAsked() {
		this.runner(new RotatingTokenServer(Duration.ZERO))
			.withPropertyValues("cobo.app.orgs=org-1")
			.run((context) -> assertThat(context).doesNotHaveBean("coboProactiveOrgTokenRefresh"));
	}

}
