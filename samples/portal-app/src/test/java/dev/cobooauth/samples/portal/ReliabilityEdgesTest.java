package dev.cobooauth.samples.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal sample at the edges a strict Cobo shows: a token Cobo expires before its time, and an
 * org id from the request path that has not installed the app. A context of its own (the property
 * below), so that refusals and moved simulator time stay out of the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cobo.token.refused-org-backoff=30s")
class ReliabilityEdgesTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	private RestTestClient portal;

	@BeforeEach
	void connect() {
		this.portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.sim.resetCounters();
	}

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

}
