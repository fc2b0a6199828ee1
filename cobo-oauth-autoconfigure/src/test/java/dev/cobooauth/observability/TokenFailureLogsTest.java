package dev.cobooauth.observability;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an operator sees at WARN without turning any logger up: a refused org with Cobo's error, a
 * refresh token refused and replaced by a new grant, and a token request that failed after its
 * retries, each once, naming the org, the error and what happens next, never a token. Tokens
 * obtained and refreshed stay at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenFailureLogsTest {

	@StartStop
	final MockWebServer server = new MockWebServer();

	final MutableClock clock = MutableClock.startingNow();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token.retry.max-attempts=3",
					"cobo.token.retry.initial-backoff=1ms", "cobo.token.retry.max-backoff=2ms", SignedResponses.MOVED_CLOCK_TOLERANCE);
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains(" WARN ")).toList();
	}

	private static List<String> infoAndAbove(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains(" INFO ") || line.contains(" WARN ") || line.contains(" ERROR "))
			.toList();
	}

	@Test
	void aRefusedOrgIsOneWarningWithCobosError(CapturedOutput output) {
		this.server.enqueue(SignedResponses.signed(403,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app not installed\"}"));

		runner().run((context) -> assertThatThrownBy(
				() -> context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-2"))
			.isInstanceOf(ClientAuthorizationException.class));

		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("Cobo refused an Org Access Token for org org-2")
			.contains("HTTP 403, error=unauthorized_client, error_description=app not installed")
			.contains("the next one asks Cobo again");
	}

	@Test
	void aRefreshTokenRefusedAndReplacedIsOneWarningWithoutAToken(CapturedOutput output) {
		this.server.enqueue(TokenResponses.orgToken("AT-FIRST-0123456789", "RT-FIRST-0123456789"));
		this.server.enqueue(TokenResponses.invalidGrant("refresh token already used"));
		this.server.enqueue(TokenResponses.orgToken("AT-SECOND-0123456789", "RT-SECOND-0123456789"));

		runner().run((context) -> {
			CoboOrgAccessTokens tokens = context.getBean(CoboOrgAccessTokens.class);
			tokens.getAccessToken("org-1");
			this.clock.advance(Duration.ofHours(12));
			assertThat(tokens.getAccessToken("org-1").getTokenValue()).isEqualTo("AT-SECOND-0123456789");
		});

		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("Cobo refused the refresh token of 'org-1'")
			.contains("invalid_grant")
			.contains("refresh token already used")
			.contains("obtaining a new token with org_implicit")
			.doesNotContain("AT-", "RT-");
	}

	@Test
	void aTokenRequestThatFailedAfterItsRetriesIsOneWarning(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(SignedResponses.signed(503, "{\"error_code\":1000,\"error_message\":\"busy\"}"));
		}

		runner().run((context) -> assertThatThrownBy(
				() -> context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-1"))
			.isInstanceOf(ClientAuthorizationException.class));

		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("Could not get an Org Access Token for org org-1 after its retries")
			.contains("HTTP 503")
			.contains("temporarily_unavailable")
			.contains("the next one asks Cobo again");
	}

	@Test
	void tokensObtainedAndRefreshedStayAtDebug(CapturedOutput output) {
		this.server.enqueue(TokenResponses.orgToken("AT-FIRST-0123456789", "RT-FIRST-0123456789"));
		this.server.enqueue(TokenResponses.orgToken("AT-SECOND-0123456789", "RT-SECOND-0123456789"));

		runner().run((context) -> {
			CoboOrgAccessTokens tokens = context.getBean(CoboOrgAccessTokens.class);
			tokens.getAccessToken("org-1");
			this.clock.advance(Duration.ofHours(12));
			tokens.getAccessToken("org-1");
		});

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		// The one INFO line of a starting application says which code computes Ed25519; none is about tokens.
		assertThat(infoAndAbove(output)).filteredOn((line) -> !line.contains("Cobo signatures: Ed25519 on"))
			.noneMatch((line) -> line.contains("dev.cobooauth") || line.contains("d.c.o") || line.contains("org-1"));
	}

}
