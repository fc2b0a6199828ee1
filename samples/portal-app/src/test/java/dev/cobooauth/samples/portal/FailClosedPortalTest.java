package dev.cobooauth.samples.portal;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as a careless operator may run it, over HTTP: a default org set and webhooks turned
 * off. A blank org in the path still moves nobody's funds, and a delivery nobody verified still
 * reaches no handler.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cobo.app.default-org=org-globex", "cobo.webhook.enabled=false" })
class FailClosedPortalTest extends PortalOverHttp {

	private static String transfer() {
		return "{\"request_id\":\"" + UUID.randomUUID() + "\",\"source\":{\"source_type\":\"Org-Controlled\","
				+ "\"wallet_id\":\"w-1\"},\"token_id\":\"ETH\",\"destination\":{\"destination_type\":\"Address\","
				+ "\"account_output\":{\"address\":\"0x01\",\"amount\":\"0.10\"}}}";
	}

	@Test
	void aTransferForABlankOrgIsABadRequestAndMovesNoFundsOfTheDefaultOrg() {
		this.portal.post()
			.uri("/orgs/{orgId}/transfers", " ")
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer())
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Invalid Cobo organization")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("whitespace only")
				.contains("cobo.app.default-org"));

		assertThat(this.sim.counters().requests()).isZero();
	}

	@Test
	void aWalletCallForABlankOrgIsABadRequestOnEitherKindOfClient() {
		this.portal.get().uri("/orgs/{orgId}/wallets", " ").exchange().expectStatus().isBadRequest();
		this.portal.get().uri("/orgs/{orgId}/wallets/w-1", " \t").exchange().expectStatus().isBadRequest();

		assertThat(this.sim.counters().requests()).isZero();
	}

	@Test
	void aWebhookEventIsRefusedWithoutCallingTheHandlerWhenWebhooksAreOff(CapturedOutput output) {
		String eventId = UUID.randomUUID().toString();

		this.portal.post()
			.uri("/cobo/events?eventId=" + eventId + "&event_id=" + eventId + "&type=wallets.transaction.succeeded")
			.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("The delivery was not accepted; send it again later");

		assertThat(output).doesNotContain("Cobo event " + eventId)
			.contains("takes a @VerifiedCoboDelivery parameter")
			.contains("cobo.webhook.enabled");
	}

}
