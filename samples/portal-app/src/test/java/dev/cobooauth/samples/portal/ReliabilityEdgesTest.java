package dev.cobooauth.samples.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cobooauth.test.Fault;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal sample at the edges a strict Cobo and a real network show: a token Cobo expires before
 * its time, an org id from the request path that has not installed the app, and a connection Cobo
 * closes without answering (a GET is sent once more; a transfer never: it is looked up by its request_id). A context of its own (the property
 * below), so that refusals and moved simulator time stay out of the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cobo.token.refused-org-backoff=30s", "cobo.transactions.resolve-timeout=1s",
				// The simulator's clock moves 12 hours ahead of the application's, and it signs its
				// answers at its own time.
				"cobo.response-verification.tolerance=1d" })
class ReliabilityEdgesTest extends PortalOverHttp {

	@Test
	void refreshesATokenCoboExpiredEarlyAndAnswersEveryConcurrentCall() throws Exception {
		this.portal.get().uri("/orgs/org-globex/wallets").exchange().expectStatus().isOk();
		// Cobo's clock moves on while the application's does not: for Cobo the token has expired,
		// for the application it has hours left, so only Cobo's answer (500, error_code 1000) tells.
		this.sim.advanceTime(Duration.ofSeconds(43199));

		ExecutorService callers = Executors.newFixedThreadPool(20);
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				calls.add(callers.submit(() -> this.portal.get()
					.uri("/orgs/org-globex/wallets")
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value()));
			}
			for (Future<Integer> call : calls) {
				assertThat(call.get()).isEqualTo(200);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.sim.counters().grant(Grant.REFRESH_TOKEN)).isEqualTo(1);
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
	}

	@Test
	void asksCoboOnceForAnOrgThatHasNotInstalledTheApp() {
		for (int i = 0; i < 150; i++) {
			this.portal.get().uri("/orgs/org-initech/wallets").exchange().expectStatus().isForbidden();
		}

		assertThat(this.sim.counters().endpoint("GET /v2/oauth/token")).isEqualTo(1);
	}

	@Test
	void sendsAGetOnceMoreWhenCoboClosedTheConnectionWithoutAnswering() {
		haveTheTokenOfOrgAcme();
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
	void neverSendsATransferAgainAndAnswers504WithItsRequestIdWhenItsOutcomeCannotBeKnown() {
		haveTheTokenOfOrgAcme();
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.droppedConnection());
		String requestId = UUID.randomUUID().toString();
		String transfer = "{\"request_id\":\"" + requestId + "\",\"source\":{\"source_type\":\"Org-Controlled\","
				+ "\"wallet_id\":\"w-1\"},\"token_id\":\"ETH\",\"destination\":{\"destination_type\":\"Address\","
				+ "\"account_output\":{\"address\":\"0x01\",\"amount\":\"0.10\"}}}";

		this.portal.post()
			.uri("/orgs/org-acme/transfers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer)
			.exchange()
			.expectStatus().isEqualTo(504)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Transfer outcome unknown")
			.jsonPath("$.request_id").isEqualTo(requestId);

		assertThat(this.sim.counters().endpoint("POST /v2/transactions/transfer")).isEqualTo(1);
		assertThat(this.sim.counters().endpoint("GET /v2/transactions")).isGreaterThan(1);
		assertThat(this.sim.recordedRequests()).filteredOn((request) -> request.method().equals("POST"))
			.singleElement()
			.satisfies((sent) -> assertThat(sent.bodyText()).isEqualTo(transfer));
	}

	/** The org's token first, so that only the WaaS call under test reaches Cobo below. */
	private void haveTheTokenOfOrgAcme() {
		this.portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
		this.sim.resetCounters();
	}

}
