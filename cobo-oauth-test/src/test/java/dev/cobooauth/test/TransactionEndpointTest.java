package dev.cobooauth.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading transactions back, the faults that lose an answer or keep a request from Cobo, and
 * delivering events to the application.
 */
@ExtendWith(CoboSimulatorExtension.class)
class TransactionEndpointTest {

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void register(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");
	}

	@Test
	void findsTheTransactionARequestIdCreated() {
		String transactionId = transfer("r-1").field("transaction_id");
		transfer("r-2");

		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/transactions").query("request_id=r-1").send();

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("data")).hasSize(1);
		assertThat(answer.json().get("data").get(0).get("transaction_id").asString()).isEqualTo(transactionId);
		assertThat(answer.json().get("data").get(0).get("request_id").asString()).isEqualTo("r-1");
	}

	@Test
	void listsNewestFirstPageByPageWithTheAfterCursor() {
		for (int i = 1; i <= 5; i++) {
			transfer("r-" + i);
		}
		List<String> requestIds = new ArrayList<>();
		String after = null;
		do {
			Answer page = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/transactions")
				.query("limit=2" + ((after != null) ? "&after=" + after : ""))
				.send();
			page.json().get("data").forEach((t) -> requestIds.add(t.get("request_id").asString()));
			after = page.json().get("pagination").get("after").asString();
		}
		while (!after.isEmpty());

		assertThat(requestIds).containsExactly("r-5", "r-4", "r-3", "r-2", "r-1");
	}

	@Test
	void getsOneTransactionAndAnswers404ForAnUnknownOne() {
		String transactionId = transfer("r-1").field("transaction_id");

		Answer found = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/transactions/" + transactionId).send();
		Answer unknown = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/transactions/nope").send();

		assertThat(found.json().get("status").asString()).isEqualTo("Submitted");
		assertThat(found.json().get("type").asString()).isEqualTo("Withdrawal");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.errorCode()).isEqualTo(2028);
	}

	@Test
	void refusesASecondCreateWithTheSameRequestIdWith12009AndCreatesNothing() {
		transfer("r-1");

		Answer second = transfer("r-1");

		assertThat(second.status()).isEqualTo(400);
		assertThat(second.errorCode()).isEqualTo(12009);
		assertThat(this.sim.transactionIds("org-1")).hasSize(1);
	}

	@Test
	void answerLostCreatesTheTransactionAndAnswersNothing() {
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.answerLost());

		assertThatThrownBy(() -> transfer("r-1")).hasRootCauseInstanceOf(IOException.class);
		assertThat(this.sim.transactionIds("org-1")).hasSize(1);
	}

	@Test
	void anUnsignedProxyAnswerAfterProcessingCreatesTheTransaction() {
		this.sim.faults()
			.next(1, "POST", "/v2/transactions/transfer", Fault.status(502, "Bad Gateway").unsigned().afterProcessing());

		assertThat(transfer("r-1").status()).isEqualTo(502);
		assertThat(this.sim.transactionIds("org-1")).hasSize(1);
	}

	@Test
	void aDroppedConnectionOrAProxyAnswerAloneCreatesNothing() {
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.droppedConnection());
		this.sim.faults().next(1, "POST", "/v2/transactions/transfer", Fault.status(502, "Bad Gateway").unsigned());

		assertThatThrownBy(() -> transfer("r-1")).hasRootCauseInstanceOf(IOException.class);
		assertThat(transfer("r-1").status()).isEqualTo(502);
		assertThat(this.sim.transactionIds("org-1")).isEmpty();
	}

	@Test
	void deliversTheSameEventTwiceWithAFreshSignatureEachTime() throws Exception {
		String transactionId = transfer("r-1").field("transaction_id");
		String event = this.sim.transactionEvent("wallets.transaction.succeeded", "org-1", transactionId);
		List<String> signatures = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		app.createContext("/events", (exchange) -> {
			signatures.add(exchange.getRequestHeaders().getFirst("BIZ-RESP-SIGNATURE"));
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, 2);
			exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
			exchange.close();
		});
		app.start();
		try {
			URI url = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/events");
			DeliveryAnswer first = this.sim.deliver(url, event);
			Thread.sleep(2);
			DeliveryAnswer second = this.sim.deliver(url, event);

			assertThat(first).isEqualTo(new DeliveryAnswer(200, "ok"));
			assertThat(second.delivered()).isTrue();
			assertThat(bodies).containsExactly(event, event);
			assertThat(signatures).doesNotHaveDuplicates();
			JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(event);
			assertThat(json.get("data").get("transaction_id").asString()).isEqualTo(transactionId);
			assertThat(json.get("data").get("status").asString()).isEqualTo("Completed");
		}
		finally {
			app.stop(0);
		}
	}

	private Answer transfer(String requestId) {
		return WireRequest.post(this.sim, this.apiKey.signer(), "/v2/transactions/transfer", Transfers.toAddress(requestId))
			.send();
	}

}
