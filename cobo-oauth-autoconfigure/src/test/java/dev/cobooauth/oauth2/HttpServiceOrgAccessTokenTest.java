package dev.cobooauth.oauth2;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import dev.cobooauth.testsupport.WireSignature;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @HttpExchange} interfaces in the {@code cobo} group call WaaS like {@code coboRestClient},
 * with the org given per call; interfaces of other groups stay untouched.
 */
class HttpServiceOrgAccessTokenTest {

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
				CoboOrgAccessTokenAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class))
		.withUserConfiguration(HttpServicesConfiguration.class);

	private ApplicationContextRunner configured() {
		return this.runner.withPropertyValues("cobo.base-url=" + this.server.url("/v2"),
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey(), "cobo.app.client-id=app-1",
				"cobo.app.private-key=" + TestKeys.APP_SECRET,
				"spring.http.serviceclient.other.base-url=" + this.server.url("/other"));
	}

	@Test
	void callsWaasForTheOrgGivenAsAParameter() {
		this.server.enqueue(TokenResponses.orgToken("AT-9", "RT-9"));
		this.server.enqueue(SignedResponses.signed(200, "{\"wallet_id\":\"w 1\"}"));

		configured().run((context) -> {
			String wallet = context.getBean(WalletsApi.class).getWallet("org-9", "w 1");

			assertThat(wallet).isEqualTo("{\"wallet_id\":\"w 1\"}");
			assertThat(this.server.takeRequest().getUrl().queryParameter("org_id")).isEqualTo("org-9");
			RecordedRequest call = this.server.takeRequest();
			assertThat(call.getTarget()).isEqualTo("/v2/wallets/w%201");
			assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer AT-9");
			String appKey = TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519).publicKeyHex();
			assertThat(WireSignature.verifies(call, appKey)).isTrue();
		});
	}

	@Test
	void refusesABlankOrgParameterRatherThanActForTheDefaultOrg() {
		configured().withPropertyValues("cobo.app.default-org=org-default").run((context) -> {
			assertThatThrownBy(() -> context.getBean(WalletsApi.class).getWallet(" ", "w-1"))
				.isInstanceOf(InvalidCoboOrgException.class)
				.hasMessageContaining("@CoboOrgId");
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void sendsQueryParametersInCanonicalForm() {
		this.server.enqueue(TokenResponses.orgToken("AT-9", "RT-9"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));

		configured().run((context) -> {
			context.getBean(WalletsApi.class).listWallets("org-9", "a b*", 5);

			this.server.takeRequest();
			assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v2/wallets?project_id=a+b%2A&limit=5");
		});
	}

	@Test
	void leavesOtherGroupsAlone() {
		this.server.enqueue(SignedResponses.unsigned(200, "pong"));

		configured().run((context) -> {
			assertThat(context.getBean(OtherApi.class).ping()).isEqualTo("pong");

			RecordedRequest request = this.server.takeRequest();
			assertThat(request.getHeaders().get("Authorization")).isNull();
			assertThat(request.getHeaders().get("BIZ-API-KEY")).isNull();
		});
	}

	interface WalletsApi {

		@GetExchange("/wallets/{walletId}")
		String getWallet(@CoboOrgId String orgId, @PathVariable String walletId);

		@GetExchange("/wallets")
		String listWallets(@CoboOrgId String orgId, @RequestParam("project_id") String projectId,
				@RequestParam int limit);

	}

	interface OtherApi {

		@GetExchange("/ping")
		String ping();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = CoboHttpServiceGroups.COBO, types = WalletsApi.class)
	@ImportHttpServices(group = "other", types = OtherApi.class)
	static class HttpServicesConfiguration {

	}

}
