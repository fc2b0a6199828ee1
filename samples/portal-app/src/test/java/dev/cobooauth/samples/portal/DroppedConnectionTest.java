package dev.cobooauth.samples.portal;

import java.util.List;
import java.util.UUID;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Fault;
import dev.cobooauth.test.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 1: Cobo's side closes a connection without answering, as its load balancers do with
 * idle keep-alive connections. A GET is sent once more and the portal answers 200; a POST is never
 * sent again, since Cobo may have processed it, and the portal answers 502 for the I/O error. A
 * context of its own (the property below), so that its faults stay out of the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=portal-app-dropped-connections")
class DroppedConnectionTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	private RestTestClient portal;

	@BeforeEach
	void connectWithAToken() {
		this.portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.sim.faults().clear();
		// The org's token first, so that only the WaaS call under test reaches Cobo below.
		this.portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
		this.sim.resetCounters();
	}

	@Test
	void sendsAGetOnceMoreWhenCoboClosedTheConnectionWithoutAnswering() {
		this.sim.faults().next(1, "GET", "/v2/wallets", Fault.droppedConnection());

		this.portal.get()
			.uri("/orgs/org-acme/wallets")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[0].org_id").isEqualTo("org-acme");

		assertThat(this.sim.faults().remaining()).isZero();
		assertThat(this.sim.counters().endpoint("GET /v2/wallets")).isEqualTo(2);
		List<RecordedRequest> attempts = this.sim.recordedRequests()
			.stream()
			.filter((request) -> request.rawPath().equals("/v2/wallets"))
			.toList();
		assertThat(attempts).hasSize(2);
		assertThat(attempts).allSatisfy((attempt) -> assertThat(attempt.header("Authorization")).startsWith("Bearer "));
		assertThat(this.sim.counters().rejections()).isZero();
	}

	@Test
	void neverSendsAPostAgainAndAnswers502() {
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.droppedConnection());
		String transfer = "{\"request_id\":\"" + UUID.randomUUID() + "\",\"source\":{\"source_type\":\"Org-Controlled\","
				+ "\"wallet_id\":\"w-1\"},\"token_id\":\"ETH\",\"destination\":{\"destination_type\":\"Address\","
				+ "\"account_output\":{\"address\":\"0x01\",\"amount\":\"0.10\"}}}";

		this.portal.post()
			.uri("/orgs/org-acme/transfers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer)
			.exchange()
			.expectStatus().isEqualTo(502)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Cobo unreachable")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).startsWith("Cobo did not answer"));

		assertThat(this.sim.counters().endpoint("POST /v2/transactions/transfer")).isEqualTo(1);
		assertThat(this.sim.recordedRequests()).filteredOn((request) -> request.method().equals("POST"))
			.singleElement()
			.satisfies((sent) -> assertThat(sent.bodyText()).isEqualTo(transfer));
	}

}
