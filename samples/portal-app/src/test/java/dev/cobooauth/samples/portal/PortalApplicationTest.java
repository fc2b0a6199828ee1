package dev.cobooauth.samples.portal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.signing.CoboDeliveryVerificationException;
import dev.cobooauth.test.DeliveryAnswer;
import dev.cobooauth.test.Fault;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.RecordedRequest;
import dev.cobooauth.test.SignedDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal sample as it runs, over real HTTP, against the simulator it starts itself. One context
 * and one simulator serve every test; each test starts with the simulator's counters, recorded
 * requests and faults cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PortalApplicationTest extends PortalOverHttp {

	@Autowired
	private Environment environment;

	@Test
	void takesAVerifiedInstallCallbackAndObtainsTheInstallingOrgsToken() {
		this.sim.installApp("sample-portal-app", "org-umbrella");
		SignedDelivery callback = this.sim.signDelivery("{\"event_type\":\"app_installed\",\"org_id\":\"org-umbrella\"}");

		postCallback(callback).expectStatus().isOk();

		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
		assertThat(this.sim.lastRequest().rawQuery()).contains("org_id=org-umbrella");
	}

	@Test
	void refusesACallbackNotSignedByCobo() {
		SignedDelivery callback = this.sim.signDelivery("{\"org_id\":\"org-acme\"}");
		SignedDelivery forged = new SignedDelivery("{\"org_id\":\"org-evil\"}", callback.timestamp(),
				callback.signature());

		postCallback(forged).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isZero();
	}

	@Test
	void refusesAReplayedCallback() {
		SignedDelivery callback = this.sim.signDelivery("{\"org_id\":\"org-acme\"}");

		postCallback(callback).expectStatus().isOk();
		postCallback(callback).expectStatus().isUnauthorized();
	}

	private RestTestClient.ResponseSpec postCallback(SignedDelivery callback) {
		return Deliveries.post(this.portal, "/cobo/callbacks/app-installed", callback);
	}

	@Test
	void handsAWebhookEventCoboSignedToTheHandler(CapturedOutput output) {
		String eventId = UUID.randomUUID().toString();

		postEvent(this.sim.signDelivery(event(eventId))).expectStatus().isOk();

		assertThat(output).contains("Cobo event " + eventId + " of type wallets.transaction.succeeded");
	}

	@Test
	void handlesAnEventOnceHoweverOftenCoboDeliversIt(CapturedOutput output) throws InterruptedException {
		String eventId = UUID.randomUUID().toString();

		postEvent(this.sim.signDelivery(event(eventId))).expectStatus().isOk();
		Thread.sleep(2);
		postEvent(this.sim.signDelivery(event(eventId))).expectStatus().isOk();

		assertThat(output.toString().lines().filter((line) -> line.contains("Cobo event " + eventId + " of type")))
			.hasSize(1);
	}

	@Test
	void answersAnApprovalCallbackOkOrDenyAsTheHandlerDecides() {
		URI approval = URI.create("http://localhost:" + this.port + "/cobo/callbacks/approval");

		DeliveryAnswer small = this.sim.deliver(approval, approvalRequest("0.5"));
		DeliveryAnswer large = this.sim.deliver(approval, approvalRequest("2"));

		assertThat(small).isEqualTo(new DeliveryAnswer(200, "ok"));
		assertThat(large).isEqualTo(new DeliveryAnswer(200, "deny"));
	}

	private static String approvalRequest(String amount) {
		return "{\"transaction_id\":\"" + UUID.randomUUID() + "\",\"status\":\"PendingApproval\",\"token_id\":\"ETH\","
				+ "\"destination\":{\"destination_type\":\"Address\",\"account_output\":{\"address\":\"0x01\","
				+ "\"amount\":\"" + amount + "\"}}}";
	}

	@Test
	void handlesAnEventDeliveredBySimulatorOnceAcrossItsRetries(CapturedOutput output) {
		URI events = URI.create("http://localhost:" + this.port + "/cobo/events");
		String transactionId = this.portal.post()
			.uri("/orgs/org-acme/transfers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer(UUID.randomUUID().toString()))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(String.class)
			.getResponseBody();
		String id = JsonPath.read(transactionId, "$.transaction_id");
		String event = this.sim.transactionEvent("wallets.transaction.succeeded", "org-acme", id);
		String eventId = JsonPath.read(event, "$.event_id");

		DeliveryAnswer first = this.sim.deliver(events, event);
		DeliveryAnswer retried = this.sim.deliver(events, event);

		assertThat(first.delivered()).isTrue();
		assertThat(retried.delivered()).isTrue();
		assertThat(output.toString().lines().filter((line) -> line.contains("Cobo event " + eventId + " of type")))
			.hasSize(1);
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

	private RestTestClient.ResponseSpec postEvent(SignedDelivery event) {
		return Deliveries.post(this.portal, "/cobo/events", event);
	}

	@Test
	void listsTheOwnOrganizationsWalletsWithTheApiKeyAndNoToken() {
		this.portal.get()
			.uri("/own/wallets")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.data[0].org_id").isEqualTo("org-acme");

		RecordedRequest list = this.sim.lastRequest();
		assertThat(list.rawPath()).isEqualTo("/v2/wallets");
		assertThat(list.rawQuery()).isEqualTo("limit=10");
		assertThat(list.header("Authorization")).isNull();
		String apiSecret = this.environment.getProperty("cobo.api-key.private-key");
		assertThat(list.header("BIZ-API-KEY")).isEqualTo(CoboSigner.of(KeyType.ED25519, apiSecret, "API secret").publicKeyHex());
	}

	@Test
	void listsWalletsWithEveryQueryParameterForwarded() {
		this.portal.get()
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
		this.portal.get()
			.uri("/orgs/org-acme/wallets?wallet_subtype={subtype}&note={note}", "Safe{Wallet}", "a b")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[0].wallet_subtype").isEqualTo("Safe{Wallet}");

		assertThat(this.sim.lastRequest().rawQuery()).isEqualTo("wallet_subtype=Safe%7BWallet%7D&note=a+b");
	}

	@Test
	void getsAWalletByIdThroughTheHttpInterface() {
		String walletId = firstWalletId("org-acme");

		this.portal.get()
			.uri("/orgs/org-acme/wallets/{walletId}", walletId)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.wallet_id").isEqualTo(walletId)
			.jsonPath("$.org_id").isEqualTo("org-acme");

		assertThat(this.sim.lastRequest().rawPath()).isEqualTo("/v2/wallets/" + walletId);
	}

	@Test
	void transfersThroughCoboTransactionsAndAnswersTheCreatedTransaction() {
		String requestId = UUID.randomUUID().toString();

		this.portal.post()
			.uri("/orgs/org-acme/transfers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer(requestId))
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.request_id").isEqualTo(requestId)
			.jsonPath("$.status").isEqualTo("Submitted")
			.jsonPath("$.transaction_id").value(String.class, (id) -> assertThat(this.sim.transactionIds("org-acme")).endsWith(id));

		RecordedRequest sent = this.sim.lastRequest();
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.rawPath()).isEqualTo("/v2/transactions/transfer");
		assertThat(sent.bodyText()).contains("\"request_id\":\"" + requestId + "\"")
			.contains("\"memo\":\"für Ünïcode €\"");
	}

	@Test
	void answersTheTransactionOnceWhenCobosAnswerWasLost() {
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.answerLost());
		String requestId = UUID.randomUUID().toString();
		int before = this.sim.transactionIds("org-acme").size();

		this.portal.post()
			.uri("/orgs/org-acme/transfers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer(requestId))
			.exchange()
			.expectStatus().isCreated()
			.expectBody()
			.jsonPath("$.request_id").isEqualTo(requestId)
			.jsonPath("$.transaction_id").value(String.class, (id) -> assertThat(this.sim.transactionIds("org-acme")).endsWith(id));

		assertThat(this.sim.transactionIds("org-acme")).hasSize(before + 1);
		assertThat(this.sim.counters().endpoint("POST /v2/transactions/transfer")).isEqualTo(1);
	}

	private static String transfer(String requestId) {
		return "{ \"request_id\" : \"" + requestId + "\",\n"
				+ "  \"source\": {\"source_type\":\"Org-Controlled\", \"wallet_id\":\"w-1\"}, \"token_id\":\"ETH\",\n"
				+ "  \"destination\": {\"destination_type\":\"Address\", \"account_output\": {\"address\":\"0x01\", "
				+ "\"amount\":\"0.10\", \"memo\": \"für Ünïcode €\"}} }";
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
		assertThat(this.sim.counters().org("org-acme")).isPositive();
		assertThat(this.sim.counters().org("org-globex")).isPositive();
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
		problem(this.portal.get().uri("/orgs/org-acme/wallets/no-such-wallet").exchange(), 404)
			.jsonPath("$.error_code").isEqualTo(2028)
			.jsonPath("$.error_id").isNotEmpty()
			.jsonPath("$.detail").isEqualTo("Cobo refused the call with error_code 2028")
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

		this.portal.get().uri("/login").exchange().expectStatus().isNotFound();
	}

	@Test
	void logsACurlLineForEachEndpointButNoKeyOrToken(CapturedOutput output) {
		listWallets("org-acme").expectStatus().isOk();
		String app = "http://localhost:" + this.port;

		assertThat(output).contains("curl -s '" + app + "/orgs/org-acme/wallets?limit=2&wallet_type=Custodial'",
				"curl -s '" + app + "/orgs/org-globex/wallets'", "curl -s \"" + app + "/orgs/org-acme/wallets/$W\"",
				"curl -s -X POST '" + app + "/orgs/org-acme/transfers'", "curl -s '" + app + "/orgs/org-initech/wallets'");
		assertThat(output).doesNotContain(this.environment.getProperty("cobo.app.private-key"))
			.doesNotContain(this.environment.getProperty("cobo.api-key.private-key"))
			.doesNotContain(this.sim.lastRequest().header("Authorization").substring("Bearer ".length()));
	}

	private RestTestClient.ResponseSpec listWallets(String orgId) {
		return this.portal.get().uri("/orgs/{orgId}/wallets", orgId).exchange();
	}

	/** Asserts an {@code application/problem+json} answer with the status, and gives its body for more. */
	private static RestTestClient.BodyContentSpec problem(RestTestClient.ResponseSpec answer, int status) {
		return answer.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
	}

	private String firstWalletId(String orgId) {
		String page = listWallets(orgId).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return JsonPath.read(page, "$.data[0].wallet_id");
	}

}
