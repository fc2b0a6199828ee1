package dev.cobooauth.test;

import java.nio.charset.StandardCharsets;

import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.signing.CoboDelivery;
import dev.cobooauth.signing.CoboDeliveryVerifier;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose own configuration names a real Cobo ({@code production-app.yml}: prod behind a
 * proxy, key files that do not exist here, Cobo's keys, an org warmed up with fail-fast) starts under
 * {@link AutoConfigureCoboSimulator} unchanged: every call goes to the simulator with its keys, and
 * the application's own org is never asked for a token.
 */
@SpringBootTest(classes = ProductionConfiguredApplicationTest.Application.class,
		properties = "spring.config.name=production-app")
@AutoConfigureCoboSimulator(orgIds = "org-1")
class ProductionConfiguredApplicationTest {

	@Autowired
	private CoboSimulator sim;

	@Autowired
	private Environment environment;

	@Autowired
	@Qualifier("coboRestClient")
	private RestClient coboRestClient;

	@Autowired
	@Qualifier("coboApiKeyRestClient")
	private RestClient coboApiKeyRestClient;

	@Autowired
	private CoboDeliveryVerifier deliveries;

	@Test
	void readsTheApplicationsOwnConfiguration() {
		assertThat(this.environment.getProperty("cobo.app.orgs[0]")).isEqualTo("real-org");
		assertThat(this.environment.getProperty("cobo.app.fail-fast")).isEqualTo("true");
	}

	@Test
	void fetchesNoTokenForTheApplicationsOwnOrgs() {
		assertThat(this.sim.recordedRequests()).noneMatch((request) -> request.rawQuery() != null
				&& request.rawQuery().contains("real-org"));
		assertThat(this.sim.counters().rejections(Rejection.APP_NOT_INSTALLED)).isZero();
	}

	@Test
	void callsWaasAtTheSimulatorWithAnOrgAccessTokenOfItsApp() {
		String wallets = this.coboRestClient.get()
			.uri("/wallets")
			.attributes(CoboOrg.id("org-1"))
			.retrieve()
			.body(String.class);

		assertThat(wallets).contains("\"org_id\":\"org-1\"");
		assertThat(this.sim.counters().rejections()).isZero();
	}

	@Test
	void callsWaasAtTheSimulatorWithItsApiKey() {
		String wallets = this.coboApiKeyRestClient.get().uri("/wallets").retrieve().body(String.class);

		assertThat(wallets).contains("\"org_id\":\"org-1\"");
	}

	@Test
	void verifiesTheDeliveriesTheSimulatorSigns() {
		SignedDelivery delivery = this.sim.signDelivery("{\"type\":\"wallets.transaction.succeeded\"}");
		HttpHeaders headers = new HttpHeaders();
		delivery.headers().forEach(headers::add);

		CoboDelivery verified = this.deliveries.verify(headers, delivery.body().getBytes(StandardCharsets.UTF_8));

		assertThat(verified.bodyAsString()).isEqualTo(delivery.body());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
