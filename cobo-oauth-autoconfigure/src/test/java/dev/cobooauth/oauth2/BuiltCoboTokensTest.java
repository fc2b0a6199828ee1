package dev.cobooauth.oauth2;

import java.time.Duration;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.testsupport.TokenResponses;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A built {@link CoboTokens} keeps the settings it was built with: calls on its builder afterwards
 * change only what the builder builds next.
 */
class BuiltCoboTokensTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private CoboTokens.Builder builder() {
		return CoboTokens.builder(CoboEndpoint.builder(this.server.url("/v2").toString())
			.responsePublicKey(TestKeys.coboPublicKey(), "test")
			.build()).portalApp("app-1", TestKeys.signer(TestKeys.APP_SECRET, KeyType.ED25519));
	}

	@Test
	void keepsItsRetriesWhenTheBuilderChangesAfterBuild() {
		CoboTokens.Builder builder = builder().retry(1, Duration.ZERO, Duration.ZERO);
		CoboTokens tokens = builder.build();
		builder.retry(3, Duration.ZERO, Duration.ZERO);
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(SignedResponses.unsigned(503, "busy"));
		}

		assertThatThrownBy(() -> tokens.orgAccessTokens().getAccessToken("org-1")).isNotNull();

		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void keepsItsClockSkewWhenTheBuilderChangesAfterBuild() {
		CoboTokens.Builder builder = builder().clockSkew(Duration.ofSeconds(60));
		CoboTokens tokens = builder.build();
		builder.clockSkew(Duration.ofMinutes(10));

		assertThat(TokenEngineProbe.clockSkew(tokens)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void nestedTokenRequestSettingsReachTheWire() {
		CoboTokens tokens = builder()
			.tokenRequests((requests) -> requests.retry(2, Duration.ZERO, Duration.ZERO)
				.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
				.maxConcurrent(1)
				.restClientBuilder(RestClient.builder()))
			.build();
		this.server.enqueue(SignedResponses.unsigned(503, "busy"));
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));

		assertThat(tokens.orgAccessTokens().getAccessToken("org-1").getTokenValue()).isEqualTo("AT-1");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void orgClientsAreTheConfigurersCoboTokensHandsOut() {
		CoboTokens tokens = builder().build();
		this.server.enqueue(TokenResponses.orgToken("AT-1", "RT-1"));
		this.server.enqueue(SignedResponses.signed(200, "{}"));
		RestClient cobo = RestClient.builder()
			.baseUrl(this.server.url("/v2").toString())
			.apply(tokens.orgClients().restClientConfigurer("org-1"))
			.build();

		assertThat(cobo.get().uri("/wallets").retrieve().body(String.class)).isEqualTo("{}");
	}

}
