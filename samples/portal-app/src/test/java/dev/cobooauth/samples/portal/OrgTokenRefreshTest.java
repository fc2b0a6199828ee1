package dev.cobooauth.samples.portal;

import java.time.Clock;
import java.time.Duration;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Org Access Token that expires between two calls is refreshed, not re-obtained, and the calls
 * keep working. The starter's token clock follows the simulator's, so that moving the simulator's
 * time expires the token on both sides; a context of its own, so that the other tests keep real time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgTokenRefreshTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	@Test
	void refreshesTheTokenWhenItExpiresBetweenCalls() {
		RestTestClient portal = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);

		this.sim.advanceTime(Duration.ofSeconds(43199));
		portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();

		assertThat(this.sim.counters().grant(Grant.REFRESH_TOKEN)).isEqualTo(1);
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
		assertThat(this.sim.counters().rejections()).isZero();
		assertThat(this.sim.counters().endpoint("GET /v2/wallets")).isEqualTo(2);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TokenClockFollowsTheSimulator {

		@Bean
		Clock coboClock(CoboSimulator sim) {
			return sim.clock();
		}

	}

}
