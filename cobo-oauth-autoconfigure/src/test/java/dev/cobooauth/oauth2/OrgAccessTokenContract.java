package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import dev.cobooauth.testsupport.WireSignature;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a Portal App relies on when it calls WaaS for its orgs, whichever client it uses: tokens
 * obtained, reused, refreshed with rotation, kept apart per org, and re-obtained when dead. Each
 * stack's test supplies how to make a call.
 */
public abstract class OrgAccessTokenContract {

	@StartStop
	protected final MockWebServer server = new MockWebServer();

	protected final MutableClock clock = MutableClock.startingNow();

	private final String appKey = TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519).publicKeyHex();

	/**
	 * @param context the application
	 * @param org the org to act for, or null to name none
	 * @param path the path below the base URL
	 * @return the body Cobo answered
	 */
	protected abstract String get(ApplicationContext context, String org, String path);

	/**
	 * @param context the application
	 * @param org the org to act for
	 * @param path the path below the base URL
	 * @param json the body
	 * @return the body Cobo answered
	 */
	protected abstract String post(ApplicationContext context, String org, String path, String json);

	/**
	 * @param context the application
	 * @param org the value of the {@link CoboOrg#ATTRIBUTE} request attribute, as is
	 * @param path the path below the base URL
	 * @return the body Cobo answered
	 */
	protected abstract String getWithOrgAttribute(ApplicationContext context, @Nullable Object org, String path);

	/**
	 * @param failure what a call threw for an HTTP error status
	 * @return the status the stack's exception reports
	 */
	protected abstract int statusOf(Throwable failure);

	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.token.retry.initial-backoff=1ms",
					"cobo.token.retry.max-backoff=5ms");
	}

	private RecordedRequest take() throws InterruptedException {
		return this.server.takeRequest();
	}

	private static JsonNode json(RecordedRequest request) {
		return JsonMapper.builder().build().readTree(WireSignature.bodyOf(request));
	}

	@Test
	void firstCallGetsTheOrgsTokenThenCallsWaasWithIt() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{\"data\":[]}"));

		runner().run((context) -> {
			assertThat(get(context, "org-1", "/wallets")).isEqualTo("{\"data\":[]}");

			RecordedRequest token = take();
			assertThat(token.getMethod()).isEqualTo("GET");
			assertThat(token.getTarget()).isEqualTo("/v2/oauth/token?client_id=app-1&org_id=org-1&grant_type=org_implicit");
			assertThat(token.getHeaders().get("Authorization")).isNull();
			assertThat(WireSignature.verifies(token, this.appKey)).isTrue();

			RecordedRequest call = take();
			assertThat(call.getTarget()).isEqualTo("/v2/wallets");
			assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer AT-1");
			assertThat(WireSignature.verifies(call, this.appKey)).isTrue();
		});
	}

	@Test
	void secondCallReusesTheToken() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			get(context, "org-1", "/wallets");

			assertThat(this.server.getRequestCount()).isEqualTo(3);
			take();
			take();
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-1");
		});
	}

	@Test
	void waitsForTheRefreshRatherThanSendATokenWithLessThanHalfItsMarginLeft() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			// 20 s left of a 60 s margin: a call that took it could reach Cobo after it expired.
			this.clock.advance(Duration.ofSeconds(43199 - 20));
			get(context, "org-1", "/wallets");

			take();
			take();
			assertThat(json(take()).get("refresh_token").asText()).isEqualTo("RT-1");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
		});
	}

	@Test
	void refreshesWithTheRotatedTokenAfterExpiry() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.orgToken("AT-3", "RT-3"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));
			get(context, "org-1", "/wallets");

			take();
			take();
			RecordedRequest firstRefresh = take();
			assertThat(firstRefresh.getMethod()).isEqualTo("POST");
			assertThat(firstRefresh.getTarget()).isEqualTo("/v2/oauth/token");
			assertThat(firstRefresh.getHeaders().get("Content-Type")).startsWith("application/json");
			assertThat(json(firstRefresh).get("client_id").asString()).isEqualTo("app-1");
			assertThat(json(firstRefresh).get("grant_type").asString()).isEqualTo("refresh_token");
			assertThat(json(firstRefresh).get("refresh_token").asString()).isEqualTo("RT-1");
			assertThat(WireSignature.verifies(firstRefresh, this.appKey)).isTrue();
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
			assertThat(json(take()).get("refresh_token").asString()).isEqualTo("RT-2");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-3");
		});
	}

	@Test
	void keepsServingAValidTokenWhileOneRefreshRunsInTheBackground() {
		TokenEndpoint cobo = new TokenEndpoint(TokenResponses.orgToken("AT-1", "RT-1"),
				TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofSeconds(43199 - 59));
			get(context, "org-1", "/wallets");
			cobo.awaitTokenRequests(2);
			get(context, "org-1", "/wallets");

			assertThat(cobo.bearers()).containsExactly("Bearer AT-1", "Bearer AT-1", "Bearer AT-2");
			assertThat(cobo.tokenRequests()).containsExactly("GET", "POST");
		});
	}

	@Test
	void givesEachOrgItsOwnToken() {
		this.server.enqueue(TokenResponses.orgToken("AT-A", "RT-A"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.orgToken("AT-B", "RT-B"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-a", "/wallets");
			get(context, "org-b", "/wallets");
			get(context, "org-a", "/wallets");

			assertThat(take().getUrl().queryParameter("org_id")).isEqualTo("org-a");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-A");
			assertThat(take().getUrl().queryParameter("org_id")).isEqualTo("org-b");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-B");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-A");
		});
	}

	@Test
	void usesTheDefaultOrgWhenACallNamesNone() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().withPropertyValues("cobo.app.default-org=org-default").run((context) -> {
			get(context, null, "/wallets");

			assertThat(take().getUrl().queryParameter("org_id")).isEqualTo("org-default");
		});
	}

	@Test
	void refusesACallThatNamesNoOrgWithoutADefault() {
		runner().run((context) -> {
			assertThatThrownBy(() -> get(context, null, "/wallets")).isInstanceOf(MissingCoboOrgException.class)
				.hasMessageContaining("cobo.app.default-org");
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void refusesABlankOrNonTextOrgRatherThanActForTheDefaultOrg() {
		runner().withPropertyValues("cobo.app.default-org=org-default").run((context) -> {
			for (Object org : new Object[] { "", " ", "\t \n", 42 }) {
				assertThatThrownBy(() -> getWithOrgAttribute(context, org, "/wallets")).as("org '%s'", org)
					.isInstanceOf(InvalidCoboOrgException.class)
					.hasMessageContaining("GET /v2/wallets")
					.hasMessageContaining("cobo.app.default-org");
			}
			assertThatThrownBy(() -> get(context, " ", "/wallets")).isInstanceOf(InvalidCoboOrgException.class);
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void theTokenFacadesRefuseABlankOrg() {
		runner().withPropertyValues("cobo.app.default-org=org-default").run((context) -> {
			assertThatThrownBy(() -> context.getBean(CoboOrgAccessTokens.class).authorize(" "))
				.isInstanceOf(InvalidCoboOrgException.class);
			assertThatThrownBy(() -> context.getBean(ReactiveCoboOrgAccessTokens.class).getAccessToken("").block())
				.isInstanceOf(InvalidCoboOrgException.class);
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void fallsBackToOrgImplicitWhenTheRefreshTokenIsDead() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.invalidGrant("refresh token already used"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));
			get(context, "org-1", "/wallets");

			take();
			take();
			assertThat(take().getMethod()).isEqualTo("POST");
			assertThat(take().getUrl().queryParameter("grant_type")).isEqualTo("org_implicit");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
		});
	}

	@Test
	void fallsBackToOrgImplicitWhenTheRefreshTokenIsPastItsLifetime() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofDays(31));
			get(context, "org-1", "/wallets");

			take();
			take();
			assertThat(take().getUrl().queryParameter("grant_type")).isEqualTo("org_implicit");
		});
	}

	@Test
	void namesTheOrgAndCobosAnswerWhenTheFallbackFailsToo() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(TokenResponses.invalidGrant("refresh token already used"));
		this.server.enqueue(SignedResponses.signed(403,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app not installed\"}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));

			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.isInstanceOfSatisfying(ClientAuthorizationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("unauthorized_client"))
				.hasMessageContaining("org org-1")
				.hasMessageContaining("app not installed");
		});
	}

	@Test
	void keepsOAuthErrorsOfTheTokenEndpoint() {
		this.server.enqueue(SignedResponses.signed(400,
				"{\"error\":\"invalid_request\",\"error_description\":\"org_id is not valid\"}"));

		runner().run((context) -> assertThatThrownBy(() -> get(context, "org-x", "/wallets"))
			.isInstanceOfSatisfying(ClientAuthorizationException.class, (ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
				assertThat(ex.getError().getDescription()).contains("org_id is not valid");
			}));
	}

	@Test
	void keepsCobosErrorCodeMessageAndIdOfAServerErrorAfterRetrying() {
		for (int attempt = 0; attempt < 3; attempt++) {
			this.server.enqueue(SignedResponses.signed(500,
					"{\"error_code\":1000,\"error_message\":\"Internal error\",\"error_id\":\"e-42\"}"));
		}

		runner().run((context) -> assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
			.isInstanceOf(ClientAuthorizationException.class)
			.cause()
			.isInstanceOfSatisfying(CoboTokenException.class, (ex) -> {
				assertThat(ex.getCoboError().errorCode()).isEqualTo(1000);
				assertThat(ex.getCoboError().errorMessage()).isEqualTo("Internal error");
				assertThat(ex.getCoboError().errorId()).isEqualTo("e-42");
				assertThat(ex.isTransient()).isTrue();
				assertThat(this.server.getRequestCount()).isEqualTo(3);
			}));
	}

	@Test
	void refusesAnUnsignedTokenAnswer() {
		this.server.enqueue(SignedResponses.unsigned(200,
				"{\"access_token\":\"forged\",\"expires_in\":43199,\"refresh_token\":\"r\"}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.isInstanceOfSatisfying(ClientAuthorizationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"))
				.hasMessageContaining("no Cobo response signature")
				.hasMessageNotContaining("forged");
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void refusesAndStoresNoTokenOfASignedAnswerOlderThanTheTolerance() {
		long tenMinutesAgo = this.clock.millis() - Duration.ofMinutes(10).toMillis();
		this.server.enqueue(SignedResponses.signedAt(tenMinutesAgo, 200,
				"{\"access_token\":\"captured\",\"expires_in\":43199,\"refresh_token\":\"r\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().withPropertyValues("cobo.response-verification.tolerance=5m", "cobo.token.refused-org-backoff=0s")
			.run((context) -> {
				assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
					.isInstanceOfSatisfying(ClientAuthorizationException.class,
							(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"))
					.hasMessageContaining("cobo.response-verification.tolerance")
					.hasMessageNotContaining("captured");
				assertThat(this.server.getRequestCount()).isEqualTo(1);

				get(context, "org-1", "/wallets");
				take();
				assertThat(take().getUrl().queryParameter("grant_type")).isEqualTo("org_implicit");
				assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-1");
			});
	}

	@Test
	void takesAnAnswerWithoutTokenTypeOrExpiryAsABearerTokenOfTheDocumentedLifetime() {
		this.server.enqueue(SignedResponses.signed(200, "{\"access_token\":\"AT-1\",\"refresh_token\":\"RT-1\"}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(11));
			get(context, "org-1", "/wallets");

			assertThat(this.server.getRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void refusesAnAnswerWithoutAccessToken() {
		this.server.enqueue(SignedResponses.signed(200, "{\"token_type\":\"Bearer\",\"expires_in\":60}"));

		runner().run((context) -> assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
			.isInstanceOf(ClientAuthorizationException.class)
			.hasMessageContaining("has no access_token"));
	}

	@Test
	void refreshesATokenCoboCallsExpiredAndRetriesAGetOnce() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(500, "{\"error_code\":1000,\"error_message\":\"token expired\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{\"data\":[1]}"));

		runner().run((context) -> {
			assertThat(get(context, "org-1", "/wallets")).isEqualTo("{\"data\":[1]}");

			take();
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-1");
			JsonNode refresh = json(take());
			assertThat(refresh.get("grant_type").asText()).isEqualTo("refresh_token");
			assertThat(refresh.get("refresh_token").asText()).isEqualTo("RT-1");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
		});
	}

	@Test
	void forgetsATokenAfterA401AndRetriesAGetOnlyOnce() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(401, "{\"error\":\"invalid_token\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(401, "{\"error\":\"invalid_token\"}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(401));
			assertThat(this.server.getRequestCount()).isEqualTo(4);
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 2022, 2023, 2024, 2025, 4001 })
	void keepsTheTokenWhenCoboRefusesTheRequestForItsSignatureKeyHeadersOrPermissions(int errorCode) {
		// A request refused for its signature (2023) is signed afresh and sent once more: refuse both.
		int refusals = (errorCode == 2023) ? 2 : 1;
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		for (int i = 0; i < refusals; i++) {
			this.server.enqueue(SignedResponses.signed(401, "{\"error_code\":" + errorCode + "}"));
		}
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(401));
			assertThat(get(context, "org-1", "/wallets")).isEqualTo("{}");

			take();
			for (int i = 0; i < refusals + 1; i++) {
				assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-1");
			}
			assertThat(this.server.getRequestCount()).isEqualTo(2 + refusals);
		});
	}

	@Test
	void neverReplaysAPostButMarksTheDeadTokenForARefresh() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(500, "{\"error_code\":1000,\"error_message\":\"token expired\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(201, "{\"status\":\"Submitted\"}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> post(context, "org-1", "/transactions/transfer", "{\"request_id\":\"r-1\"}"))
				.satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(500));
			assertThat(this.server.getRequestCount()).isEqualTo(2);

			post(context, "org-1", "/transactions/transfer", "{\"request_id\":\"r-2\"}");
			take();
			take();
			JsonNode refresh = json(take());
			assertThat(refresh.get("grant_type").asText()).isEqualTo("refresh_token");
			assertThat(refresh.get("refresh_token").asText()).isEqualTo("RT-1");
			RecordedRequest second = take();
			assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
			assertThat(WireSignature.bodyOf(second)).isEqualTo("{\"request_id\":\"r-2\"}");
		});
	}

	@Test
	void treatsAnOrdinaryServerErrorAsAnError() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(500, "{\"error_code\":2006,\"error_message\":\"bad parameter\"}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.satisfies((ex) -> assertThat(statusOf(ex)).isEqualTo(500));
			get(context, "org-1", "/wallets");

			assertThat(this.server.getRequestCount()).isEqualTo(3);
		});
	}

	// --- under load ------------------------------------------------------------------------

	@Test
	void twoHundredConcurrentCallsForAFreshOrgAskForOneToken() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(200));
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			List<Object> outcomes = ConcurrentCalls.run(200, () -> get(context, "org-1", "/wallets"));

			assertThat(outcomes).allMatch("{}"::equals);
			assertThat(cobo.orgImplicitGrants()).isEqualTo(1);
			assertThat(cobo.calls()).isEqualTo(200);
		});
	}

	@Test
	void twoHundredConcurrentCallsAtExpiryRefreshOnceWithoutInvalidGrant() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(200));
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));

			List<Object> outcomes = ConcurrentCalls.run(200, () -> get(context, "org-1", "/wallets"));

			assertThat(outcomes).allMatch("{}"::equals);
			assertThat(cobo.refreshes()).isEqualTo(1);
			assertThat(cobo.invalidGrants()).isZero();
			assertThat(cobo.orgImplicitGrants()).isEqualTo(1);
		});
	}

	@Test
	void concurrentCallsForDifferentOrgsDoNotShareTokens() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(100));
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			AtomicInteger next = new AtomicInteger();
			ConcurrentCalls.run(60, () -> get(context, "org-" + (next.getAndIncrement() % 3), "/wallets"));

			assertThat(cobo.orgImplicitGrants()).isEqualTo(3);
		});
	}

	@Test
	void refreshesATokenCoboExpiredEarlyOnceAndSendsEveryGetThatGotItsAnswerAgain() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(100));
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			cobo.expireIssuedTokenEarly();

			List<Object> outcomes = ConcurrentCalls.run(50, () -> get(context, "org-1", "/wallets"));

			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isEqualTo("{}"));
			assertThat(cobo.refreshes()).isEqualTo(1);
			assertThat(cobo.orgImplicitGrants()).isEqualTo(1);
			assertThat(cobo.invalidGrants()).isZero();
		});
	}

	@Test
	void asksCoboOnceForAnOrgItRefusedAndFailsTheNextCallsAtOnce() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ZERO);
		cobo.failNext(1000);
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			for (int i = 0; i < 150; i++) {
				assertThatThrownBy(() -> get(context, "org-uninstalled", "/wallets"))
					.isInstanceOfSatisfying(ClientAuthorizationException.class,
							(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
			}
			assertThat(this.server.getRequestCount()).isEqualTo(1);

			context.getBean(CoboOrgAccessTokens.class).forgetRefusal("org-uninstalled");
			assertThatThrownBy(() -> get(context, "org-uninstalled", "/wallets"))
				.isInstanceOf(ClientAuthorizationException.class);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void anErrorDuringAcquisitionReachesEveryWaiterAndACallAfterTheRefusalBackoffTriesAgain() {
		RotatingTokenServer cobo = new RotatingTokenServer(Duration.ofMillis(200));
		cobo.failNext(1);
		this.server.setDispatcher(cobo);

		runner().run((context) -> {
			List<Object> outcomes = ConcurrentCalls.run(50, () -> get(context, "org-1", "/wallets"));

			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome)
				.isInstanceOfSatisfying(ClientAuthorizationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request")));
			assertThat(cobo.orgImplicitGrants()).isZero();

			this.clock.advance(Duration.ofSeconds(31));
			assertThat(get(context, "org-1", "/wallets")).isEqualTo("{}");
			assertThat(cobo.orgImplicitGrants()).isEqualTo(1);
		});
	}

	// --- retries ---------------------------------------------------------------------------

	@Test
	void retriesATokenRequestAfterTransientFailures() {
		this.server.enqueue(SignedResponses.unsigned(503, "busy"));
		this.server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			assertThat(get(context, "org-1", "/wallets")).isEqualTo("{}");
			assertThat(this.server.getRequestCount()).isEqualTo(4);
		});
	}

	@Test
	void honoursRetryAfter() {
		this.server.enqueue(SignedResponses.signed(429, "{\"error_code\":2010}").newBuilder()
			.addHeader("Retry-After", "1")
			.build());
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			long started = System.nanoTime();
			get(context, "org-1", "/wallets");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
			assertThat(this.server.getRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void honoursAnUnsignedRetryAfterOnlyUpToTheMaximumBackoff() {
		this.server.enqueue(SignedResponses.unsigned(429, "{}").newBuilder().addHeader("Retry-After", "30").build());
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			long started = System.nanoTime();
			get(context, "org-1", "/wallets");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(this.server.getRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void keepsTheRefreshTokenWhenAnUnsignedProxyAnswerSaysInvalidGrant() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.unsigned(503,
				"{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().withPropertyValues("cobo.token.retry.max-attempts=1").run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));
			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.isInstanceOfSatisfying(ClientAuthorizationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("temporarily_unavailable"))
				.hasMessageNotContaining("revoked");
			get(context, "org-1", "/wallets");

			take();
			take();
			assertThat(json(take()).get("refresh_token").asString()).isEqualTo("RT-1");
			RecordedRequest again = take();
			assertThat(again.getMethod()).isEqualTo("POST");
			assertThat(json(again).get("refresh_token").asString()).isEqualTo("RT-1");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
			assertThat(this.server.getRequestCount()).isEqualTo(5);
		});
	}

	@Test
	void neverRetriesAnOAuthError() {
		this.server.enqueue(SignedResponses.signed(400, "{\"error\":\"unauthorized_client\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		runner().run((context) -> {
			assertThatThrownBy(() -> get(context, "org-1", "/wallets")).isInstanceOf(ClientAuthorizationException.class);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void givesUpAfterTheConfiguredAttempts() {
		this.server.enqueue(SignedResponses.unsigned(502, "bad gateway"));
		this.server.enqueue(SignedResponses.unsigned(502, "bad gateway"));

		runner().withPropertyValues("cobo.token.retry.max-attempts=2").run((context) -> {
			assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
				.isInstanceOfSatisfying(ClientAuthorizationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("temporarily_unavailable"));
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void neverSendsARefreshTokenTwiceButObtainsTheTokenAnewWhenARefreshFailsAmbiguously() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.signed(500, "{\"error_code\":1000,\"error_message\":\"oops\"}"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));
			get(context, "org-1", "/wallets");

			take();
			take();
			assertThat(take().getMethod()).isEqualTo("POST");
			assertThat(take().getUrl().queryParameter("grant_type")).isEqualTo("org_implicit");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
		});
	}

	@Test
	void retriesARefreshThatCoboSurelyDidNotProcess() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.unsigned(503, "unavailable"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			get(context, "org-1", "/wallets");
			this.clock.advance(Duration.ofHours(12));
			get(context, "org-1", "/wallets");

			take();
			take();
			assertThat(json(take()).get("refresh_token").asString()).isEqualTo("RT-1");
			assertThat(json(take()).get("refresh_token").asString()).isEqualTo("RT-1");
			assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer AT-2");
		});
	}

	@Test
	void timesOutATokenRequestThatHangs() {
		this.server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
			.body("{}")
			.build());

		runner().withPropertyValues("cobo.token.read-timeout=300ms", "cobo.token.retry.max-attempts=1")
			.run((context) -> {
				long started = System.nanoTime();
				assertThatThrownBy(() -> get(context, "org-1", "/wallets"))
					.isInstanceOfSatisfying(ClientAuthorizationException.class,
							(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("temporarily_unavailable"));
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			});
	}

}
