package dev.cobooauth.samples.checkout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.DeliveryAnswer;
import dev.cobooauth.test.Fault;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.RecordedRequest;
import dev.cobooauth.test.SignedDelivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout sample as it runs, over real HTTP, against the simulator it starts itself. One context
 * and one simulator serve every test; each test starts with the simulator's counters, recorded
 * requests and faults cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CheckoutApplicationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private CoboSimulator sim;

	@Autowired
	private Environment environment;

	private WebTestClient checkout;

	@BeforeEach
	void connect() {
		// A new connection per request: Reactor Netty 1.3.6's server can stop reading a keep-alive
		// connection when the next request arrives before the previous exchange has terminated
		// (reactor/reactor-netty#4361), which stalled a test here about once in eight runs on a busy
		// machine. What these tests check does not depend on connection reuse.
		HttpClient oneConnectionPerRequest = HttpClient.create(ConnectionProvider.newConnection());
		this.checkout = WebTestClient.bindToServer(new ReactorClientHttpConnector(oneConnectionPerRequest))
			.baseUrl("http://localhost:" + this.port)
			.build();
		this.sim.resetCounters();
		this.sim.faults().clear();
	}

	@Test
	void answersTheTransactionOnceWhenCobosAnswerToTheTransferWasLost() {
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.answerLost());
		String requestId = UUID.randomUUID().toString();
		int before = this.sim.transactionIds("org-acme").size();

		this.checkout.post()
			.uri("/orgs/org-acme/transfers")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"request_id\":\"" + requestId + "\",\"source\":{\"source_type\":\"Org-Controlled\","
					+ "\"wallet_id\":\"w-1\"},\"token_id\":\"ETH\",\"destination\":{\"destination_type\":\"Address\","
					+ "\"account_output\":{\"address\":\"0x01\",\"amount\":\"0.10\"}}}")
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.request_id").isEqualTo(requestId)
			.jsonPath("$.transaction_id").value(String.class,
					(id) -> assertThat(this.sim.transactionIds("org-acme")).endsWith(id));

		assertThat(this.sim.transactionIds("org-acme")).hasSize(before + 1);
		assertThat(this.sim.counters().endpoint("POST /v2/transactions/transfer")).isEqualTo(1);
	}

	@Test
	void handsTheFrontEndAPermissionAccessTokenExchangingItOnce() {
		Map<String, Object> first = token();
		Map<String, Object> second = token();

		assertThat(first.get("access_token")).isInstanceOf(String.class).isEqualTo(second.get("access_token"));
		assertThat(((Number) first.get("expires_in")).longValue()).isBetween(3500L, 3600L);
		assertThat(first).containsOnlyKeys("access_token", "expires_in");
		assertThat(this.sim.counters().grant(Grant.PERMISSION_EXCHANGE)).isEqualTo(1);
		RecordedRequest exchange = this.sim.recordedRequests().get(0);
		assertThat(exchange.rawPath()).isEqualTo("/v2/oauth/permission_token/exchange");
		assertThat(exchange.bodyText()).isEqualTo("{\"permission_type\":\"payment_orders_payin\"}");
		assertThat(exchange.header("Authorization")).isNull();
	}

	private Map<String, Object> token() {
		return this.checkout.get()
			.uri("/checkout/token")
			.exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@Test
	void handsAWebhookEventCoboSignedToTheHandler(CapturedOutput output) {
		String eventId = UUID.randomUUID().toString();

		postEvent(this.sim.signDelivery(event(eventId))).expectStatus().isOk();

		assertThat(output).contains("Cobo event " + eventId + " of type wallets.transaction.succeeded");
	}

	@Test
	void handlesAnEventOnceAcrossTheSimulatorsRedeliveries(CapturedOutput output) {
		URI events = URI.create("http://localhost:" + this.port + "/cobo/events");
		String eventId = UUID.randomUUID().toString();

		DeliveryAnswer first = this.sim.deliver(events, event(eventId));
		DeliveryAnswer redelivered = this.sim.deliver(events, event(eventId));

		assertThat(first.delivered()).as("first delivery answered %s", first).isTrue();
		assertThat(redelivered.delivered()).as("redelivery answered %s", redelivered).isTrue();
		assertThat(output.toString().lines().filter((line) -> line.contains("Cobo event " + eventId + " of type")))
			.hasSize(1)
			.allMatch((line) -> line.contains(" INFO ") && line.endsWith("Cobo event " + eventId
					+ " of type wallets.transaction.succeeded"));
	}

	@Test
	void refusesAWebhookEventNotSignedByCoboWithoutCallingTheHandler(CapturedOutput output) {
		SignedDelivery signed = this.sim.signDelivery(event(UUID.randomUUID().toString()));
		String forgedId = UUID.randomUUID().toString();
		SignedDelivery forged = new SignedDelivery(event(forgedId), signed.timestamp(), signed.signature());

		problem(postEvent(forged), 401).jsonPath("$.detail").isEqualTo("The delivery was not accepted");
		assertThat(output).contains("Refused a Cobo delivery: " + CoboDeliveryVerificationException.Reason.INVALID_SIGNATURE.getDetail());
		assertThat(output).doesNotContain(forgedId);
	}

	@Test
	void refusesAReplayedWebhookEvent() {
		SignedDelivery event = this.sim.signDelivery(event(UUID.randomUUID().toString()));

		postEvent(event).expectStatus().isOk();
		problem(postEvent(event), 401).jsonPath("$.detail").isEqualTo("The delivery was not accepted")
			.jsonPath("$.reason").doesNotExist();
	}

	/** A webhook event of its own for each test, so that none is taken for another test's replay. */
	private static String event(String eventId) {
		return "{\"event_id\":\"" + eventId + "\",\"type\":\"wallets.transaction.succeeded\","
				+ "\"created_timestamp\":1700000000000,\"data\":{}}";
	}

	private WebTestClient.ResponseSpec postEvent(SignedDelivery event) {
		return this.checkout.post()
			.uri("/cobo/events")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> event.headers().forEach(headers::set))
			.bodyValue(event.body())
			.exchange();
	}

	@Test
	void listsWalletsWithEveryQueryParameterForwarded() {
		this.checkout.get()
			.uri("/orgs/org-acme/wallets?limit=2&wallet_type=Custodial")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.data.length()").isEqualTo(2)
			.jsonPath("$.data[*].wallet_type").isEqualTo(List.of("Custodial", "Custodial"))
			.jsonPath("$.data[0].org_id").isEqualTo("org-acme");

		RecordedRequest list = this.sim.lastRequest();
		assertThat(list.rawPath()).isEqualTo("/v2/wallets");
		assertThat(list.rawQuery()).isEqualTo("limit=2&wallet_type=Custodial");
	}

	@Test
	void forwardsQueryValuesAsGivenEvenWithBracesAndSpaces() {
		this.checkout.get()
			.uri("/orgs/org-acme/wallets?wallet_subtype={subtype}&note={note}", "Safe{Wallet}", "a b")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[0].wallet_subtype").isEqualTo("Safe{Wallet}");

		assertThat(this.sim.lastRequest().rawQuery()).isEqualTo("wallet_subtype=Safe%7BWallet%7D&note=a+b");
	}

	@Test
	void getsAWalletByIdThroughTheReactiveHttpInterface() {
		String walletId = firstWalletId("org-acme");

		this.checkout.get()
			.uri("/orgs/org-acme/wallets/{walletId}", walletId)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.wallet_id").isEqualTo(walletId)
			.jsonPath("$.org_id").isEqualTo("org-acme");

		RecordedRequest get = this.sim.lastRequest();
		assertThat(get.rawPath()).isEqualTo("/v2/wallets/" + walletId);
		assertThat(get.header("Authorization")).startsWith("Bearer ");
	}

	@Test
	void refusesAWalletCallThatNamesABlankOrg() {
		problem(this.checkout.get().uri("/orgs/{orgId}/wallets/{walletId}", " ", "any").exchange(), 400)
			.jsonPath("$.title").isEqualTo("Invalid Cobo organization")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("whitespace only"));

		assertThat(this.sim.counters().requests()).isZero();
	}

	@Test
	void callsEachOrgWithItsOwnToken() {
		listWallets("org-acme").expectBody().jsonPath("$.data[0].org_id").isEqualTo("org-acme");
		listWallets("org-globex").expectBody().jsonPath("$.data[0].org_id").isEqualTo("org-globex");

		List<String> tokens = this.sim.recordedRequests()
			.stream()
			.filter((request) -> request.rawPath().equals("/v2/wallets"))
			.map((request) -> request.header("Authorization"))
			.toList();
		assertThat(tokens).hasSize(2).doesNotHaveDuplicates().allMatch((token) -> token.startsWith("Bearer "));
	}

	@Test
	void answers502NamingTheSignatureWhenCobosAnswerWasTamperedWith() {
		this.sim.faults().next(1, "GET", "/v2/wallets", Fault.tamperedBody());

		problem(listWallets("org-acme"), 502)
			.jsonPath("$.status").isEqualTo(502)
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("response signature"))
			.jsonPath("$.data").doesNotExist();
	}

	@Test
	void passesCobosErrorOnWithItsStatusAndErrorCodeButNotItsMessage() {
		problem(this.checkout.get().uri("/orgs/org-acme/wallets?wallet_type=Piggybank").exchange(), 400)
			.jsonPath("$.error_code").isEqualTo(2006)
			.jsonPath("$.error_id").isNotEmpty()
			.jsonPath("$.detail").isEqualTo("Cobo refused the call with error_code 2006")
			.jsonPath("$.error_message").doesNotExist();
	}

	@Test
	void answersAnOrgThatHasNotInstalledTheAppWith403() {
		problem(listWallets("org-initech"), 403)
			.jsonPath("$.oauth_error").isEqualTo("unauthorized_client")
			.jsonPath("$.detail").isEqualTo("Cobo refused the Org Access Token for this call");
	}

	@Test
	void refusesACallThatNamesABlankOrg() {
		problem(listWallets(" "), 400)
			.jsonPath("$.title").isEqualTo("Invalid Cobo organization")
			.jsonPath("$.detail").value(String.class, (detail) -> assertThat(detail).contains("whitespace only"));

		assertThat(this.sim.counters().requests()).isZero();
	}

	@Test
	void needsNoCredentialsAndShowsNoLoginPage() {
		listWallets("org-acme").expectStatus().isOk();

		this.checkout.get().uri("/login").exchange().expectStatus().isNotFound();
	}

	@Test
	void logsACurlLineForEachEndpointButNoKeyOrToken(CapturedOutput output) {
		listWallets("org-acme").expectStatus().isOk();
		String app = "http://localhost:" + this.port;

		assertThat(output).contains("curl -s '" + app + "/orgs/org-acme/wallets?limit=2&wallet_type=Custodial'",
				"curl -s '" + app + "/orgs/org-globex/wallets'", "curl -s '" + app + "/orgs/org-initech/wallets'");
		assertThat(output).doesNotContain(this.environment.getProperty("cobo.app.private-key"))
			.doesNotContain(this.environment.getProperty("cobo.api-key.private-key"))
			.doesNotContain(this.sim.lastRequest().header("Authorization").substring("Bearer ".length()));
	}

	private WebTestClient.ResponseSpec listWallets(String orgId) {
		return this.checkout.get().uri("/orgs/{orgId}/wallets", orgId).exchange();
	}

	private String firstWalletId(String orgId) {
		byte[] page = listWallets(orgId).expectStatus().isOk().expectBody().returnResult().getResponseBody();
		return JsonPath.read(new String(page, StandardCharsets.UTF_8), "$.data[0].wallet_id");
	}

	/** Asserts an {@code application/problem+json} answer with the status, and gives its body for more. */
	private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec answer, int status) {
		return answer.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
	}

}
