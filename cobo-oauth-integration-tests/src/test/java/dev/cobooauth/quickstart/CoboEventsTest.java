package dev.cobooauth.quickstart;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.SignedDelivery;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook event posted over HTTP as Cobo posts it, signed by the simulator, whose key the
 * annotation gave the application as Cobo's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCoboSimulator(clientId = "my-app", orgIds = "org-1")
class CoboEventsTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator cobo;

	@Autowired
	private CoboEvents events;

	@Test
	void handlesAnEventCoboSigned() {
		SignedDelivery delivery = this.cobo.signDelivery("{\"event_id\":\"ev-1\",\"type\":\"wallets.transaction.succeeded\"}");

		post(delivery.body(), delivery).expectStatus().isOk();

		assertThat(this.events.received()).containsExactly("ev-1");
	}

	@Test
	void refusesABodyItsSignatureIsNotFor() {
		SignedDelivery delivery = this.cobo.signDelivery("{\"event_id\":\"ev-2\",\"type\":\"wallets.transaction.succeeded\"}");

		post(delivery.body().replace("ev-2", "ev-3"), delivery).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The delivery was not accepted");
		assertThat(this.events.received()).doesNotContain("ev-2", "ev-3");
	}

	private RestTestClient.ResponseSpec post(String body, SignedDelivery delivery) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/cobo/events")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> delivery.headers().forEach(headers::set))
			.body(body)
			.exchange();
	}

}
