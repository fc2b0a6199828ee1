package dev.cobooauth.observability;

import dev.cobooauth.autoconfigure.CoboApiKeyClientsAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboMetricsAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboPermissionTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.oauth2.CoboTokenObservationContext;
import dev.cobooauth.oauth2.ReactiveCoboOrgAccessTokens;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.MutableClock;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an operator sees in Micrometer: one observation (and timer) per token request, tagged with
 * its operation, outcome and OAuth error code; a timer of signed requests per kind of key; a
 * counter of responses refused for their signature.
 */
class TokenAndSignatureMetricsTest {

	@StartStop
	final MockWebServer server = new MockWebServer();

	final MutableClock clock = MutableClock.startingNow();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final List<CoboTokenObservationContext> observed = new CopyOnWriteArrayList<>();

	enum Stack {

		SERVLET((context, org) -> context.getBean(CoboOrgAccessTokens.class).getAccessToken(org).getTokenValue()),

		REACTIVE((context, org) -> context.getBean(ReactiveCoboOrgAccessTokens.class)
			.getAccessToken(org)
			.block()
			.getTokenValue());

		final BiFunction<ApplicationContext, String, String> token;

		Stack(BiFunction<ApplicationContext, String, String> token) {
			this.token = token;
		}

	}

	private ApplicationContextRunner runner() {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		observations.observationConfig().observationHandler(new Capture());
		return runner(observations);
	}

	private ApplicationContextRunner runner(ObservationRegistry observations) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboMetricsAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboApiKeyClientsAutoConfiguration.class, CoboOrgAccessTokenAutoConfiguration.class,
					CoboPermissionTokenAutoConfiguration.class))
			.withBean(MeterRegistry.class, () -> this.meters)
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean("coboClock", Clock.class, () -> this.clock)
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.api-key.private-key=" + TestKeys.API_SECRET,
					"cobo.token.retry.max-attempts=1");
	}

	private double tokenRequests(String operation, String outcome, String errorCode) {
		var timer = this.meters.find("cobo.token.requests")
			.tags("operation", operation, "outcome", outcome, "error.code", errorCode)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void observesAnOrgImplicitGrantWithTheOrgAsPrincipal(Stack stack) {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		runner().run((context) -> {
			stack.token.apply(context, "org-1");

			assertThat(tokenRequests("get_org_access_token", "success", "none")).isEqualTo(1);
			assertThat(this.meters.get("cobo.token.requests").tag("grant.type", "org_implicit").timer().count())
				.isEqualTo(1);
			assertThat(this.observed).singleElement().satisfies((observation) -> {
				assertThat(observation.getHighCardinalityKeyValue("principal").getValue()).isEqualTo("org-1");
				assertThat(observation.getContextualName()).isEqualTo("cobo get org access token");
			});
		});
	}

	@Test
	void countsTheTokenRequestsInFlight() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		runner().run((context) -> {
			Stack.SERVLET.token.apply(context, "org-1");

			// Micrometer's long task timer of the observation: how many token requests wait for Cobo now.
			assertThat(this.meters.get("cobo.token.requests.active")
				.tag("operation", "get_org_access_token")
				.longTaskTimer()
				.activeTasks()).isZero();
		});
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void observesARefreshRefusedAsInvalidGrantThenTheFallback(Stack stack) {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(TokenResponses.invalidGrant("refresh token already used"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));

		runner().run((context) -> {
			stack.token.apply(context, "org-1");
			this.clock.advance(Duration.ofHours(12));
			assertThat(stack.token.apply(context, "org-1")).isEqualTo("AT-2");

			assertThat(tokenRequests("refresh_org_access_token", "error", "invalid_grant")).isEqualTo(1);
			assertThat(this.meters.get("cobo.token.requests")
				.tags("operation", "refresh_org_access_token", "grant.type", "refresh_token")
				.timer()
				.count()).isEqualTo(1);
			assertThat(tokenRequests("get_org_access_token", "success", "none")).isEqualTo(2);
		});
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void observesARefresh(Stack stack) {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(TokenResponses.orgToken("AT-2", "RT-2"));

		runner().run((context) -> {
			stack.token.apply(context, "org-1");
			this.clock.advance(Duration.ofHours(12));
			stack.token.apply(context, "org-1");

			assertThat(tokenRequests("refresh_org_access_token", "success", "none")).isEqualTo(1);
			assertThat(this.observed).extracting(CoboTokenObservationContext::getPrincipalName)
				.containsExactly("org-1", "org-1");
		});
	}

	@Test
	void tagsAFailureWithItsOAuthErrorCode() {
		this.server.enqueue(SignedResponses.signed(403,
				"{\"error\":\"unauthorized_client\",\"error_description\":\"app not installed\"}"));

		runner().run((context) -> {
			assertThatThrownBy(() -> context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-x"))
				.isInstanceOf(ClientAuthorizationException.class);

			assertThat(tokenRequests("get_org_access_token", "error", "unauthorized_client")).isEqualTo(1);
		});
	}

	@Test
	void observesThePermissionTokenExchange() {
		this.server.enqueue(TokenResponses.permissionToken("PAT-1", "PRT-1"));

		runner().run((context) -> {
			context.getBean(CoboPermissionTokens.class).current();

			assertThat(tokenRequests("exchange_permission_token", "success", "none")).isEqualTo(1);
			assertThat(this.meters.get("cobo.token.requests").tag("grant.type", "cobo_permission_token").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void timesSignedRequestsPerKindOfKey() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		runner().run((context) -> {
			context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-1");
			context.getBean("coboApiKeyRestClient", RestClient.class).get().uri("/wallets").retrieve().body(String.class);
			context.getBean("coboApiKeyRestClient", RestClient.class).get().uri("/wallets").retrieve().body(String.class);

			assertThat(this.meters.get("cobo.requests.signed").tag("key.kind", "app").timer().count()).isEqualTo(1);
			assertThat(this.meters.get("cobo.requests.signed").tag("key.kind", "api-key").timer().count()).isEqualTo(2);
		});
	}

	@Test
	void countsResponsesRefusedForTheirSignatureByReason() {
		this.server.enqueue(SignedResponses.unsigned(200, "{}"));
		this.server.enqueue(SignedResponses.signedBy(TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519),
				200, "{}", "BIZ-TIMESTAMP", "BIZ-RESP-SIGNATURE"));

		runner().run((context) -> {
			RestClient client = context.getBean("coboApiKeyRestClient", RestClient.class);
			assertThatThrownBy(() -> client.get().uri("/wallets").retrieve().body(String.class));
			assertThatThrownBy(() -> client.get().uri("/wallets").retrieve().body(String.class));

			assertThat(this.meters.get("cobo.responses.verification.failures").tag("reason", "missing").counter().count())
				.isEqualTo(1);
			assertThat(this.meters.get("cobo.responses.verification.failures").tag("reason", "invalid").counter().count())
				.isEqualTo(1);
		});
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void makesTheTokenRequestsOwnHttpObservationItsChild(Stack stack) {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		List<Observation.Context> all = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStop(Observation.Context context) {
				all.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});

		// Prototypes, as Spring Boot's builders are: each client gets its own.
		runner(observations)
			.withBean(RestClient.Builder.class, () -> RestClient.builder().observationRegistry(observations),
					(definition) -> definition.setScope(BeanDefinition.SCOPE_PROTOTYPE))
			.withBean(WebClient.Builder.class, () -> WebClient.builder().observationRegistry(observations),
					(definition) -> definition.setScope(BeanDefinition.SCOPE_PROTOTYPE))
			.run((context) -> {
				stack.token.apply(context, "org-1");

				Awaitility.await().untilAsserted(() -> assertThat(all).anySatisfy((http) -> {
					assertThat(http.getName()).isEqualTo("http.client.requests");
					assertThat(http.getParentObservation()).isNotNull();
					assertThat(http.getParentObservation().getContextView())
						.isInstanceOf(CoboTokenObservationContext.class);
				}));
			});
	}

	@Test
	void observesNothingWithoutARegistry() {
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboMetricsAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboOrgAccessTokenAutoConfiguration.class))
			.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
					"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), SignedResponses.MOVED_CLOCK_TOLERANCE, "cobo.app.client-id=app-1",
					"cobo.app.private-key=" + TestKeys.APP_SECRET)
			.run((context) -> {
				assertThat(context.getBean(CoboOrgAccessTokens.class).getAccessToken("org-1").getTokenValue())
					.isEqualTo("AT-1");
				assertThat(this.meters.getMeters()).isEmpty();
			});
	}

	private final class Capture implements ObservationHandler<CoboTokenObservationContext> {

		@Override
		public void onStop(CoboTokenObservationContext context) {
			TokenAndSignatureMetricsTest.this.observed.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof CoboTokenObservationContext;
		}

	}

}
