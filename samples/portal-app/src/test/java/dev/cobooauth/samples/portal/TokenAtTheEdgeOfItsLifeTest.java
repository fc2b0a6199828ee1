package dev.cobooauth.samples.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Fault;
import dev.cobooauth.test.Grant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 3: while a slow refresh runs, the old token is handed out only while it has more than
 * half of {@code cobo.token.clock-skew} (60 s here) left; closer to its end, a call waits for the
 * refresh and reaches Cobo with the new token, so no call carries a token that could expire in flight.
 * The starter's clock follows the simulator's; a context of its own, so that the other tests keep
 * real time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cobo.token.clock-skew=60s")
class TokenAtTheEdgeOfItsLifeTest {

	/** The simulator's Org Access Token lifetime. */
	private static final Duration LIFETIME = Duration.ofSeconds(43199);

	private static final Duration SLOW_REFRESH = Duration.ofMillis(1500);

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	private RestTestClient portal;

	private String oldToken;

	/** A token just issued, on both clocks: the time to its end is then what the test moves. */
	@BeforeEach
	void freshToken() {
		this.portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.sim.faults().clear();
		this.sim.advanceTime(LIFETIME.plusSeconds(1));
		listWallets();
		this.oldToken = this.sim.lastRequest().header("Authorization");
		this.sim.resetCounters();
	}

	@Test
	void waitsForTheRefreshWhenTheTokenHasLessThanHalfTheClockSkewLeft() throws Exception {
		this.sim.advanceTime(LIFETIME.minusSeconds(20));

		List<String> tokens = twoCallsDuringASlowRefresh();

		assertThat(tokens).hasSize(2).doesNotContain(this.oldToken);
		assertThat(tokens.get(0)).isEqualTo(tokens.get(1));
		assertThat(this.sim.counters().grant(Grant.REFRESH_TOKEN)).isEqualTo(1);
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isZero();
		assertThat(this.sim.counters().rejections()).isZero();
	}

	/**
	 * One call starts a refresh that Cobo answers slowly; a second call arrives while it runs.
	 * @return the tokens the two WaaS calls reached Cobo with
	 */
	private List<String> twoCallsDuringASlowRefresh() throws Exception {
		int before = this.sim.recordedRequests().size();
		this.sim.faults().next(1, "POST", "/v2/oauth/token", Fault.delay(SLOW_REFRESH));
		CompletableFuture<Void> refreshing = CompletableFuture.runAsync(this::listWallets);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.sim.counters().endpoint("POST /v2/oauth/token") == 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.sim.counters().endpoint("POST /v2/oauth/token")).isEqualTo(1);

		listWallets();
		refreshing.get(10, TimeUnit.SECONDS);

		return this.sim.recordedRequests()
			.subList(before, this.sim.recordedRequests().size())
			.stream()
			.filter((request) -> request.rawPath().equals("/v2/wallets"))
			.map((request) -> request.header("Authorization"))
			.toList();
	}

	private void listWallets() {
		this.portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TokenClockFollowsTheSimulator {

		@Bean
		Clock coboClock(CoboSimulator sim) {
			return sim.clock();
		}

	}

}
