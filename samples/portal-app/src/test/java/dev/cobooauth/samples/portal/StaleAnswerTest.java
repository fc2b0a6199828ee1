package dev.cobooauth.samples.portal;

import java.time.Duration;

import dev.cobooauth.test.Fault;
import dev.cobooauth.test.Grant;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 3, over HTTP: an answer Cobo signed ten minutes ago (the simulator signs it so, as
 * an answer captured and served again would be) is refused like a forged one, and a token in such
 * an answer is never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The default, stated: and a context of its own, so that the org this test installs and the
		// startup log stay out of PortalApplicationTest's.
		properties = "cobo.response-verification.tolerance=5m")
class StaleAnswerTest extends PortalOverHttp {

	private static final Fault SIGNED_TEN_MINUTES_AGO = Fault.signedAgo(Duration.ofMinutes(10));

	@Test
	void refusesAWaasAnswerSignedLongerAgoThanTheToleranceAndServesTheNextCall() {
		this.portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
		this.sim.faults().next(1, "GET", "/v2/wallets", SIGNED_TEN_MINUTES_AGO);

		this.portal.get()
			.uri("/orgs/org-acme/wallets")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist();
		this.portal.get().uri("/orgs/org-acme/wallets").exchange().expectStatus().isOk();
	}

	@Test
	void storesNoTokenFromAnAnswerSignedLongerAgoThanTheTolerance() {
		this.sim.installApp("sample-portal-app", "org-stale");
		this.sim.faults().next(1, "GET", "/v2/oauth/token", SIGNED_TEN_MINUTES_AGO);

		int refused = this.portal.get()
			.uri("/orgs/org-stale/wallets")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
		this.portal.get().uri("/orgs/org-stale/wallets").exchange().expectStatus().isOk();

		assertThat(refused).isGreaterThanOrEqualTo(500);
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).as("the stale token was not kept").isEqualTo(2);
	}

}
