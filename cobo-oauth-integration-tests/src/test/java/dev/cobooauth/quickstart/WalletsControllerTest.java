package dev.cobooauth.quickstart;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application over HTTP, as a browser or another service calls it, with Cobo answered by the
 * simulator over HTTP too: nothing of the starter is replaced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCoboSimulator(clientId = "my-app", orgIds = "org-1")
class WalletsControllerTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator cobo;

	@Test
	void listsTheWalletsOfTheOrgInThePath() {
		RestTestClient app = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();

		app.get()
			.uri("/orgs/org-1/wallets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].org_id")
			.isEqualTo("org-1");

		assertThat(this.cobo.lastRequest().rawPath()).isEqualTo("/v2/wallets");
	}

	@Test
	void answersAnOrgThatDidNotInstallTheAppWithCobosRefusal() {
		RestTestClient app = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();

		app.get().uri("/orgs/org-2/wallets").exchange().expectStatus().is4xxClientError();
	}

}
