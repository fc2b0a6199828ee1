package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboApiKeyClientsAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboPermissionTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.signing.CoboResponseSignatureException;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import dev.cobooauth.testsupport.WireSignature;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an organization's own backend relies on with its API key (Cobo Auth), whichever stack: a
 * Permission Access Token for its front end, exchanged, reused, refreshed with rotation and
 * exchanged again when the refresh token is dead; and WaaS calls signed with the API key. Each
 * stack's test supplies how to ask.
 */
public abstract class ApiKeyContract {

	private static final String EXCHANGE = "/v2/oauth/permission_token/exchange";

	private static final String REFRESH = "/v2/oauth/permission_token/refresh";

	@StartStop
	protected final MockWebServer server = new MockWebServer();

	protected final MutableClock clock = MutableClock.startingNow();

	private final String apiKey = TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519).publicKeyHex();

	private final String appKey = TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519).publicKeyHex();

	/**
	 * @param context the application
	 * @return the Permission Access Token the stack's service hands out
	 */
	protected abstract PermissionAccessToken current(ApplicationContext context);

	/**
	 * @param context the application
	 * @param orgId an org that installed the Portal App
	 * @return the org's access token value, from the stack's Org Access Token service
	 */
	protected abstract String orgAccessToken(ApplicationContext context, String orgId);

	/**
	 * @param context the application
	 * @param path the path and query below the base URL
	 * @return the body Cobo answered, through the stack's API key client
	 */
	protected abstract String get(ApplicationContext context, String path);

	/**
	 * @param context the application
	 * @param path the path below the base URL
	 * @param json the body
	 * @return the body Cobo answered, through the stack's API key client
	 */
	protected abstract String post(ApplicationContext context, String path, String json);

	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class,
					CoboPermissionTokenAutoConfiguration.class))
			// The Org refresh token lifetime: the permission flow must apply its own 7 days.
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.token.retry.initial-backoff=1ms", "cobo.token.retry.max-backoff=5ms",
					"cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE,
					"cobo.api-key.private-key=" + TestKeys.API_SECRET);
	}

	private RecordedRequest take() throws InterruptedException {
		return this.server.takeRequest();
	}

	@Test
	void exchangesTheApiKeysSignatureForAPermissionToken() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));

		runner().run((context) -> {
			PermissionAccessToken token = current(context);

			assertThat(token.accessToken()).isEqualTo("PAT-1");
			assertThat(token.expiresInSeconds(this.clock)).isBetween(3590L, 3600L);
			RecordedRequest exchange = take();
			assertThat(exchange.getMethod()).isEqualTo("POST");
			assertThat(exchange.getTarget()).isEqualTo(EXCHANGE);
			assertThat(exchange.getHeaders().get("Content-Type")).startsWith("application/json");
			assertThat(WireSignature.bodyOf(exchange)).isEqualTo("{\"permission_type\":\"payment_orders_payin\"}");
			assertThat(exchange.getHeaders().get("BIZ-API-KEY")).isEqualTo(this.apiKey);
			assertThat(WireSignature.verifies(exchange, this.apiKey)).isTrue();
			assertThat(exchange.getHeaders().get("Authorization")).isNull();
		});
	}

	@Test
	void asksForTheConfiguredPermissionType() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));

		runner().withPropertyValues("cobo.permission-token.permission-type=payment_orders_payout").run((context) -> {
			current(context);

			assertThat(WireSignature.bodyOf(take())).isEqualTo("{\"permission_type\":\"payment_orders_payout\"}");
		});
	}

	@Test
	void handsOutTheSameTokenUntilItIsDue() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofMinutes(50));

			assertThat(current(context).accessToken()).isEqualTo("PAT-1");
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void refreshesWithTheRotatedRefreshTokenAfterExpiry() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.permissionToken("PAT-2", "PRT-2"));
		this.server.enqueue(TokenResponses.permissionToken("PAT-3", "PRT-3"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofHours(1));
			assertThat(current(context).accessToken()).isEqualTo("PAT-2");
			this.clock.advance(Duration.ofHours(1));
			assertThat(current(context).accessToken()).isEqualTo("PAT-3");

			take();
			RecordedRequest firstRefresh = take();
			assertThat(firstRefresh.getMethod()).isEqualTo("POST");
			assertThat(firstRefresh.getTarget()).isEqualTo(REFRESH);
			assertThat(firstRefresh.getHeaders().get("Content-Type")).startsWith("application/json");
			assertThat(WireSignature.bodyOf(firstRefresh)).isEqualTo("{\"refresh_token\":\"PRT-1\"}");
			assertThat(WireSignature.verifies(firstRefresh, this.apiKey)).isTrue();
			assertThat(firstRefresh.getHeaders().get("Authorization")).isNull();
			RecordedRequest secondRefresh = take();
			assertThat(secondRefresh.getTarget()).isEqualTo(REFRESH);
			assertThat(WireSignature.bodyOf(secondRefresh)).isEqualTo("{\"refresh_token\":\"PRT-2\"}");
		});
	}

	@Test
	void refreshesInTheBackgroundAClockSkewBeforeExpiryWhileTheValidTokenKeepsServing() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.permissionToken("PAT-2", "PRT-2"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofSeconds(3600 - 59));

			assertThat(current(context).accessToken()).isEqualTo("PAT-1");
			Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> "PAT-2".equals(current(context).accessToken()));
			take();
			assertThat(take().getTarget()).isEqualTo(REFRESH);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void exchangesAgainWhenCoboCallsTheRefreshTokenDead() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.invalidGrant("refresh token already used"));
		this.server.enqueue(TokenResponses.permissionToken("PAT-2", "PRT-2"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofHours(1));

			assertThat(current(context).accessToken()).isEqualTo("PAT-2");
			take();
			assertThat(take().getTarget()).isEqualTo(REFRESH);
			RecordedRequest exchange = take();
			assertThat(exchange.getTarget()).isEqualTo(EXCHANGE);
			assertThat(WireSignature.verifies(exchange, this.apiKey)).isTrue();
		});
	}

	@Test
	void refreshesARefreshTokenYoungerThanSevenDays() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.permissionToken("PAT-2", "PRT-2"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofDays(6));
			current(context);

			take();
			assertThat(take().getTarget()).isEqualTo(REFRESH);
		});
	}

	@Test
	void exchangesAgainWithoutARefreshOnceTheRefreshTokenIsPastSevenDays() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.permissionToken("PAT-2", "PRT-2"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofDays(8));

			assertThat(current(context).accessToken()).isEqualTo("PAT-2");
			take();
			assertThat(take().getTarget()).isEqualTo(EXCHANGE);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void namesThePermissionTypeAndCobosAnswerWhenTheFallbackFailsToo() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.invalidGrant("refresh token already used"));
		this.server.enqueue(SignedResponses.signed(403,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"permission not granted\"}"));

		runner().run((context) -> {
			current(context);
			this.clock.advance(Duration.ofHours(1));

			assertThatThrownBy(() -> current(context))
				.isInstanceOfSatisfying(ClientAuthorizationException.class, (ex) -> {
					assertThat(ex.getError().getErrorCode()).isEqualTo("unauthorized_client");
					// Reactor's block() attaches its own suppressed marker; the refusal is the only other.
					assertThat(ex.getSuppressed()).filteredOn(ClientAuthorizationException.class::isInstance)
						.singleElement()
						.satisfies((refused) -> assertThat(((ClientAuthorizationException) refused).getError()
							.getErrorCode()).isEqualTo("invalid_grant"));
				})
				.hasMessageContaining("Permission Access Token of type payment_orders_payin")
				.hasMessageContaining("permission not granted")
				.hasMessageNotContaining("PRT-1")
				.hasMessageNotContaining("PAT-1");
		});
	}

	@Test
	void keepsOAuthErrorsOfTheExchange() {
		this.server.enqueue(SignedResponses.signed(400,
				"{\"error\":\"invalid_request\",\"error_description\":\"permission_type is not valid\"}"));

		runner().run((context) -> assertThatThrownBy(() -> current(context))
			.isInstanceOfSatisfying(ClientAuthorizationException.class, (ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request");
				assertThat(ex.getError().getDescription()).contains("permission_type is not valid");
			}));
	}

	@Test
	void keepsCobosErrorCodeMessageAndIdOfAServerErrorAfterRetrying() {
		for (int attempt = 0; attempt < 3; attempt++) {
			this.server.enqueue(SignedResponses.signed(500,
					"{\"error_code\":1000,\"error_message\":\"Internal error\",\"error_id\":\"e-42\"}"));
		}

		runner().run((context) -> assertThatThrownBy(() -> current(context))
			.isInstanceOf(ClientAuthorizationException.class)
			.cause()
			.isInstanceOfSatisfying(CoboTokenException.class, (ex) -> {
				assertThat(ex.getOperation()).isEqualTo(CoboTokenOperation.EXCHANGE_PERMISSION_TOKEN);
				assertThat(ex.getCoboError().errorCode()).isEqualTo(1000);
				assertThat(ex.getCoboError().errorMessage()).isEqualTo("Internal error");
				assertThat(ex.getCoboError().errorId()).isEqualTo("e-42");
				assertThat(ex.isTransient()).isTrue();
				assertThat(this.server.getRequestCount()).isEqualTo(3);
			}));
	}

	@Test
	void callsARequestCoboCouldNotAuthenticateAnInvalidClient() {
		// Refused twice: a refused signature is signed afresh and sent once more.
		for (int attempt = 0; attempt < 2; attempt++) {
			this.server.enqueue(SignedResponses.signed(401,
					"{\"error_code\":2023,\"error_message\":\"API signature validation failed\",\"error_id\":\"e-7\"}"));
		}

		runner().run((context) -> assertThatThrownBy(() -> current(context))
			.isInstanceOfSatisfying(ClientAuthorizationException.class,
					(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client")));
	}

	@Test
	void refusesAnUnsignedTokenAnswer() {
		this.server.enqueue(SignedResponses.unsigned(201,
				"{\"access_token\":\"forged\",\"expires_in\":3600,\"refresh_token\":\"r\"}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> current(context))
				.isInstanceOfSatisfying(ClientAuthorizationException.class,
						(ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"))
				.hasMessageContaining("no Cobo response signature")
				.hasMessageNotContaining("forged");
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void keepsThePermissionTokenBesideOrgAccessTokensInOneStore() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		runner().withPropertyValues("cobo.app.client-id=app-1", "cobo.app.private-key=" + TestKeys.APP_SECRET)
			.run((context) -> {
				assertThat(current(context).accessToken()).isEqualTo("PAT-1");
				assertThat(orgAccessToken(context, "org-1")).isEqualTo("AT-1");
				assertThat(current(context).accessToken()).isEqualTo("PAT-1");
				assertThat(orgAccessToken(context, "org-1")).isEqualTo("AT-1");

				assertThat(this.server.getRequestCount()).isEqualTo(2);
				assertThat(WireSignature.verifies(take(), this.apiKey)).isTrue();
				RecordedRequest orgToken = take();
				assertThat(orgToken.getUrl().queryParameter("grant_type")).isEqualTo("org_implicit");
				assertThat(WireSignature.verifies(orgToken, this.appKey)).isTrue();
			});
	}

	@Test
	void apiKeyClientSignsWithTheApiKeyAndSendsNoBearerToken() {
		this.server.enqueue(SignedResponses.signed(200, "{\"data\":[]}"));

		runner().run((context) -> {
			assertThat(get(context, "/wallets?limit=10&wallet_type=Custodial")).isEqualTo("{\"data\":[]}");

			RecordedRequest call = take();
			assertThat(call.getTarget()).isEqualTo("/v2/wallets?limit=10&wallet_type=Custodial");
			assertThat(call.getHeaders().get("BIZ-API-KEY")).isEqualTo(this.apiKey);
			assertThat(WireSignature.verifies(call, this.apiKey)).isTrue();
			assertThat(call.getHeaders().get("Authorization")).isNull();
		});
	}

	@Test
	void apiKeyClientSignsTheJsonBodyAsSent() {
		this.server.enqueue(SignedResponses.signed(201, "{\"status\":\"Submitted\"}"));

		runner().run((context) -> {
			assertThat(post(context, "/transactions/transfer", "{\"request_id\":\"r-1\"}"))
				.isEqualTo("{\"status\":\"Submitted\"}");

			RecordedRequest call = take();
			assertThat(call.getMethod()).isEqualTo("POST");
			assertThat(WireSignature.bodyOf(call)).isEqualTo("{\"request_id\":\"r-1\"}");
			assertThat(WireSignature.verifies(call, this.apiKey)).isTrue();
			assertThat(call.getHeaders().get("Authorization")).isNull();
		});
	}

	@Test
	void apiKeyClientRefusesAnUnsignedResponse() {
		this.server.enqueue(SignedResponses.unsigned(200, "{\"data\":[\"forged\"]}"));

		runner().run((context) -> assertThatThrownBy(() -> get(context, "/wallets"))
			.isInstanceOfSatisfying(CoboResponseSignatureException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(CoboResponseSignatureException.Reason.MISSING))
			.hasMessageNotContaining("forged"));
	}

}
