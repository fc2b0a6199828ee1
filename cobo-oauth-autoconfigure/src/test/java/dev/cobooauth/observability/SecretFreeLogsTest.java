package dev.cobooauth.observability;

import dev.cobooauth.autoconfigure.CoboApiKeyClientsAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboPermissionTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logging policy, proved on a whole token cycle against a real HTTP server, with every logger
 * that could see a secret at TRACE: an org's token obtained, refreshed with rotation, refreshed
 * with a dead refresh token (invalid_grant, then org_implicit), and re-obtained after a 401; and a
 * Permission Access Token exchanged. No private key, no whole access or refresh token and no
 * signature (request or response) may appear in any log line or logged exception; tokens appear
 * only as their first characters. And a normal cycle logs no error.
 */
class SecretFreeLogsTest {

	private static final List<String> TRACED = List.of("dev.cobooauth", "org.springframework.security",
			"org.springframework.web", "org.springframework.http", "org.springframework.core.codec",
			"reactor.netty", "jdk.internal.httpclient");

	@StartStop
	final MockWebServer server = new MockWebServer();

	final MutableClock clock = MutableClock.startingNow();

	final List<String> secrets = new ArrayList<>(List.of(TestKeys.APP_SECRET, TestKeys.API_SECRET));

	final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	final Map<String, Level> levelsBefore = new HashMap<>();

	enum Stack {

		REST_CLIENT((context, org) -> context.getBean("coboRestClient", RestClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.body(String.class)),

		WEB_CLIENT((context, org) -> context.getBean("coboWebClient", WebClient.class)
			.get()
			.uri("/wallets")
			.attributes(CoboOrg.id(org))
			.retrieve()
			.bodyToMono(String.class)
			.block());

		final BiFunction<ApplicationContext, String, String> get;

		Stack(BiFunction<ApplicationContext, String, String> get) {
			this.get = get;
		}

	}

	@BeforeEach
	void captureEverything() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logs.setContext(context);
		this.logs.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.logs);
		for (String name : TRACED) {
			Logger logger = context.getLogger(name);
			this.levelsBefore.put(name, logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
	}

	@AfterEach
	void restoreLevels() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.logs);
		this.levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
	}

	private String token() {
		byte[] random = new byte[20];
		new SecureRandom().nextBytes(random);
		String token = HexFormat.of().formatHex(random);
		this.secrets.add(token);
		return token;
	}

	private void answer(MockResponse response) {
		String signature = response.getHeaders().get("BIZ-RESP-SIGNATURE");
		if (signature != null) {
			this.secrets.add(signature);
		}
		this.server.enqueue(response);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aWholeTokenCycleLogsNoKeyNoTokenAndNoSignature(Stack stack) throws InterruptedException {
		String firstAccessToken = token();
		answer(TokenResponses.orgToken(firstAccessToken, token()));
		answer(SignedResponses.signed(200, "{}"));
		answer(TokenResponses.orgToken(token(), token()));
		answer(SignedResponses.signed(200, "{}"));
		answer(TokenResponses.invalidGrant("refresh token already used"));
		answer(TokenResponses.orgToken(token(), token()));
		answer(SignedResponses.signed(200, "{}"));
		answer(SignedResponses.signed(401, "{\"error\":\"invalid_token\",\"error_description\":\"token revoked\"}"));
		answer(TokenResponses.orgToken(token(), token()));
		answer(SignedResponses.signed(200, "{}"));
		answer(TokenResponses.permissionToken(token(), token()));

		runner().run((context) -> {
			stack.get.apply(context, "org-1");
			this.clock.advance(Duration.ofHours(12));
			stack.get.apply(context, "org-1");
			this.clock.advance(Duration.ofHours(12));
			stack.get.apply(context, "org-1");
			stack.get.apply(context, "org-1");
			context.getBean(CoboPermissionTokens.class).current();
		});
		for (int i = 0; i < 11; i++) {
			RecordedRequest request = this.server.takeRequest();
			this.secrets.add(request.getHeaders().get("BIZ-API-SIGNATURE"));
		}

		String logged = String.join("\n", this.logs.list.stream().map(SecretFreeLogsTest::render).toList());
		assertThat(logged).contains("Obtained an Org Access Token for org org-1 with org_implicit: "
				+ firstAccessToken.substring(0, 4) + "\u2026")
			.contains("Refreshed the token of 'org-1'")
			.contains("invalid_grant")
			.contains("Cobo answered HTTP 401 to the Org Access Token of org org-1");
		for (String secret : this.secrets) {
			assertThat(logged).doesNotContainIgnoringCase(secret);
		}
		assertThat(this.logs.list).as("a normal token cycle logs no error")
			.noneMatch((event) -> event.getLevel() == Level.ERROR);
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class,
					CoboPermissionTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.api-key.private-key=" + TestKeys.API_SECRET);
	}

	private static String render(ILoggingEvent event) {
		String line = event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage();
		return (event.getThrowableProxy() != null) ? line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())
				: line;
	}

}
