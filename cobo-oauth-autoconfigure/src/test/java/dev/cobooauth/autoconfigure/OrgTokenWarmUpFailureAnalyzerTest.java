package dev.cobooauth.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;

import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With {@code cobo.app.fail-fast=true}, an org whose Org Access Token cannot be had at startup stops
 * the application with a description that names the org and Cobo's answer, and an action that
 * fits: a refusal is fixed in the app, its key or the org; a Cobo that did not answer, by trying
 * again. The analyzer runs on the real failure of a starting context.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrgTokenWarmUpFailureAnalyzerTest {

	@StartStop
	final MockWebServer cobo = new MockWebServer();

	private FailureAnalysis analysis(String baseUrl) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withPropertyValues(failFast(baseUrl))
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new OrgTokenWarmUpFailureAnalyzer().analyze(context.getStartupFailure());
			});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	private static String[] failFast(String baseUrl) {
		return new String[] { "cobo.base-url=" + baseUrl,
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.app.orgs=org-1",
				"cobo.app.fail-fast=true", "cobo.token.retry.max-attempts=1" };
	}

	@Test
	void anOrgThatHasNotInstalledTheApp() {
		this.cobo.enqueue(SignedResponses.signed(400,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app-1 is not installed in org-1\"}"));

		FailureAnalysis analysis = analysis(this.cobo.url("/v2").toString());

		assertThat(analysis.getDescription()).isEqualTo("The Org Access Token of org org-1 could not be obtained at "
				+ "startup, and cobo.app.fail-fast is on: Cobo answered HTTP 400, error=unauthorized_client, "
				+ "error_description=app-1 is not installed in org-1.");
		assertThat(analysis.getAction()).startsWith("Check that org org-1 has installed the Portal App")
			.contains("cobo.app.client-id", "cobo.app.private-key")
			.endsWith("set cobo.app.fail-fast=false: the org's token is then fetched at its first call.");
	}

	@Test
	void showsEverythingCoboSaidOfCredentialsItRefused() {
		// Refused twice: a refused signature is signed afresh and sent once more.
		for (int attempt = 0; attempt < 2; attempt++) {
			this.cobo.enqueue(SignedResponses.signed(401,
					"{\"error_code\":2023,\"error_message\":\"Invalid signature\",\"error_id\":\"e-42\"}"));
		}

		FailureAnalysis analysis = analysis(this.cobo.url("/v2").toString());

		assertThat(analysis.getDescription()).contains("org org-1")
			.contains("HTTP 401, error_code=2023, error_message=Invalid signature, error_id=e-42");
		assertThat(analysis.getAction()).contains("cobo.app.client-id and the app key");
	}

	@Test
	void aCoboThatAnswersUnavailable() {
		this.cobo.enqueue(SignedResponses.signed(503, "{\"error_code\":1001,\"error_message\":\"Busy\"}"));

		FailureAnalysis analysis = analysis(this.cobo.url("/v2").toString());

		assertThat(analysis.getDescription()).contains("org org-1").contains("HTTP 503");
		assertThat(analysis.getAction()).startsWith("Check that Cobo").contains("then start again")
			.contains("cobo.app.fail-fast=false")
			.doesNotContain("installed");
	}

	@Test
	void aCoboThatDoesNotAnswer() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		FailureAnalysis analysis = analysis("http://127.0.0.1:" + closedPort + "/v2");

		assertThat(analysis.getDescription()).contains("org org-1").contains("no answer from Cobo");
		assertThat(analysis.getAction()).startsWith("Check that Cobo").doesNotContain("installed");
	}

	@Test
	void stopsARealApplicationWithTheAnalysis(CapturedOutput output) {
		this.cobo.enqueue(SignedResponses.signed(400,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app-1 is not installed in org-1\"}"));
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off"));

		// Boot's logging system stays out, so the other tests of this JVM keep their logging set-up.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			String[] arguments = Arrays.stream(failFast(this.cobo.url("/v2").toString())).map("--"::concat)
				.toArray(String[]::new);
			assertThatException().isThrownBy(() -> application.run(arguments));
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The Org Access Token of org org-1 could not be obtained at startup")
			.contains("Check that org org-1 has installed the Portal App");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ CoboSigningAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class })
	static class Application {

	}

}
