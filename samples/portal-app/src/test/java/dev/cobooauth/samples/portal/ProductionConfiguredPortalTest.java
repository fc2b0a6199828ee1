package dev.cobooauth.samples.portal;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 6: the portal configured for production (Cobo's prod environment, key files that do
 * not exist here, Cobo's prod response key, a real org warmed up with fail-fast) runs its tests in one
 * step with {@link AutoConfigureCoboSimulator}: the annotation's simulator takes every {@code cobo.*}
 * setting that points at the real Cobo, the real org is never asked for, and the sample's own
 * {@code cobo.simulator.embedded: auto} starts no second simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cobo.env=prod", "cobo.app.private-key-location=file:/nonexistent/app-key",
				"cobo.api-key.private-key-location=file:/nonexistent/api-key", "cobo.app.orgs=real-org",
				"cobo.app.fail-fast=true",
				"cobo.response-verification.public-key=8d4a482641adb2a34b726f05827dba9a9653e5857469b8749052bf4458a86729" })
@AutoConfigureCoboSimulator(clientId = "production-portal-app", orgIds = "org-sim")
class ProductionConfiguredPortalTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Environment environment;

	@Test
	void servesTheSimulatorsOrgWithTheAnnotationsApp() {
		RestTestClient portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();

		portal.get()
			.uri("/orgs/org-sim/wallets")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[0].org_id").isEqualTo("org-sim");

		assertThat(this.sim.recordedRequests()).anySatisfy((request) -> assertThat(request.rawQuery())
			.contains("client_id=production-portal-app").contains("org_id=org-sim"));
		assertThat(this.sim.counters().rejections()).isZero();
	}

	@Test
	void neverAsksForTheRealOrgAndStartsNoSecondSimulator() {
		assertThat(this.sim.recordedRequests()).noneMatch((request) -> request.rawQuery() != null
				&& request.rawQuery().contains("real-org"));
		assertThat(this.context.getBeansOfType(CoboSimulator.class)).containsOnlyKeys("coboSimulator")
			.containsValue(this.sim);
		assertThat(this.environment.getProperty("cobo.base-url")).startsWith(this.sim.baseUrl());
		assertThat(this.environment.getProperty("cobo.app.client-id")).isEqualTo("production-portal-app");
	}

}
