package dev.cobooauth.it.transactions;

import java.util.List;
import java.util.UUID;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Fault;
import dev.cobooauth.test.RecordedRequest;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import dev.cobooauth.transactions.CoboOutcomeUnknownException;
import dev.cobooauth.transactions.CoboTransactionMetrics.Outcome;
import dev.cobooauth.transactions.CoboTransactions;
import dev.cobooauth.transactions.CreatedTransaction;
import dev.cobooauth.transactions.ReactiveCoboTransactions;
import dev.cobooauth.transactions.TransactionSource;
import dev.cobooauth.transactions.TransferRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A transfer whose answer is lost, on both stacks, against the simulator: Cobo creates one transaction
 * per {@code request_id}, and the caller gets it, or learns that nothing was created, or gets
 * {@link CoboOutcomeUnknownException} with the {@code request_id}; never a failure for a transaction
 * that exists, never two.
 */
@SpringBootTest(classes = TransactionsApplication.class, properties = "cobo.transactions.resolve-timeout=1s")
@AutoConfigureCoboSimulator(orgIds = "org-1")
class ExactlyOnceTest {

	private static final String TRANSFER = "/v2/transactions/transfer";

	/** The two faces of the same guarantee. */
	enum Stack {

		REST_CLIENT, WEB_CLIENT

	}

	@Autowired
	private CoboSimulator sim;

	@Autowired
	private CoboTransactions transactions;

	@Autowired
	private ReactiveCoboTransactions reactiveTransactions;

	@Autowired
	private TransactionsApplication.Resolutions resolutions;

	private int transactionsBefore;

	@BeforeEach
	void reset() {
		this.sim.faults().clear();
		this.sim.resetCounters();
		this.resolutions.outcomes.clear();
		this.transactionsBefore = this.sim.transactionIds("org-1").size();
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anAnswerLostAfterCoboCreatedTheTransactionGivesThatTransaction(Stack stack) {
		this.sim.faults().next(1, "POST", TRANSFER, Fault.answerLost());

		CreatedTransaction created = transfer(stack, request());

		assertThat(newTransactions()).containsExactly(created.transactionId());
		assertThat(transferPosts()).hasSize(1);
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.FOUND);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aSigned5xxAfterCoboCreatedTheTransactionGivesThatTransaction(Stack stack) {
		this.sim.faults().next(1, "POST", TRANSFER, Fault.status(500,
				"{\"error_code\":1000,\"error_message\":\"Internal error\",\"error_id\":\"e-1\"}").afterProcessing());

		CreatedTransaction created = transfer(stack, request());

		assertThat(newTransactions()).containsExactly(created.transactionId());
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.FOUND);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anUnsignedProxyAnswerAfterProcessingGivesThatTransactionWithoutSendingAgain(Stack stack) {
		this.sim.faults()
			.next(1, "POST", TRANSFER, Fault.status(502, "Bad Gateway").unsigned().afterProcessing());

		CreatedTransaction created = transfer(stack, request());

		assertThat(newTransactions()).containsExactly(created.transactionId());
		assertThat(transferPosts()).hasSize(1);
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.FOUND);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anUnsignedProxyAnswerThatCoboNeverSawIsSentAgainWithTheSameRequestId(Stack stack) {
		this.sim.faults().next(1, "POST", TRANSFER, Fault.status(502, "Bad Gateway").unsigned());
		TransferRequest request = request();

		CreatedTransaction created = transfer(stack, request);

		assertThat(created.requestId()).isEqualTo(request.requestId());
		assertThat(newTransactions()).containsExactly(created.transactionId());
		List<RecordedRequest> posts = transferPosts();
		assertThat(posts).hasSize(2);
		assertThat(posts.get(1).bodyText()).isEqualTo(posts.get(0).bodyText());
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.RESENT);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aSignatureRefusalIsSentAgainWithTheSameRequestIdAndANewSignature(Stack stack) {
		// The signing layer sends a request refused for its signature once more, signed afresh; when
		// that is refused too, the transaction is looked for by its request_id, and sent again.
		this.sim.faults().next(2, "POST", TRANSFER, Fault.status(401,
				"{\"error_code\":2023,\"error_message\":\"Signature verification failed\",\"error_id\":\"e-2\"}"));

		CreatedTransaction created = transfer(stack, request());

		assertThat(newTransactions()).containsExactly(created.transactionId());
		List<RecordedRequest> posts = transferPosts();
		assertThat(posts).hasSize(3);
		assertThat(posts).extracting((post) -> post.header("BIZ-API-SIGNATURE")).doesNotHaveDuplicates();
		assertThat(posts).extracting(RecordedRequest::bodyText).containsOnly(posts.get(0).bodyText());
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.RESENT);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aDuplicateRequestIdGivesTheTransactionItCreated(Stack stack) {
		TransferRequest request = request();
		CreatedTransaction first = transfer(stack, request);

		CreatedTransaction second = transfer(stack, request);

		assertThat(second).isEqualTo(first);
		assertThat(newTransactions()).containsExactly(first.transactionId());
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.FOUND);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aLookupThatFailsIsTriedAgainWithBackoff(Stack stack) {
		this.sim.faults().next(1, "POST", TRANSFER, Fault.answerLost());
		this.sim.faults().next(2, "GET", "/v2/transactions", Fault.status(503, "Service Unavailable").unsigned());

		CreatedTransaction created = transfer(stack, request());

		assertThat(newTransactions()).containsExactly(created.transactionId());
		assertThat(this.sim.counters().endpoint("GET /v2/transactions")).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anOutcomeThatCannotBeKnownInTimeIsReportedWithItsRequestId(Stack stack) {
		this.sim.faults().next(1, "POST", TRANSFER, Fault.status(500,
				"{\"error_code\":1000,\"error_message\":\"Internal error\",\"error_id\":\"e-3\"}"));
		TransferRequest request = request();
		long started = System.nanoTime();

		Throwable thrown = catchThrowable(() -> transfer(stack, request));

		assertThat(thrown).isInstanceOf(CoboOutcomeUnknownException.class);
		assertThat(((CoboOutcomeUnknownException) thrown).getRequestId()).isEqualTo(request.requestId());
		assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 5_000L);
		assertThat(newTransactions()).isEmpty();
		assertThat(transferPosts()).hasSize(1);
		assertThat(this.sim.counters().endpoint("GET /v2/transactions")).isGreaterThan(2);
		assertThat(this.resolutions.outcomes).containsExactly(Outcome.UNKNOWN);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aRefusalIsCobosAnswerAndNothingIsLookedUp(Stack stack) {
		TransferRequest request = TransferRequest.builder()
			.source(TransactionSource.of("Org-Controlled", "w-1"))
			.tokenId("ETH")
			.destination(new TransferRequest.Destination("Address", null))
			.build();

		Throwable thrown = catchThrowable(() -> transfer(stack, request));

		assertThat(thrown).isInstanceOfAny(RestClientResponseException.class, WebClientResponseException.class);
		assertThat(thrown.getMessage()).contains("400");
		assertThat(this.sim.counters().endpoint("GET /v2/transactions")).isZero();
		assertThat(this.resolutions.outcomes).isEmpty();
	}

	private CreatedTransaction transfer(Stack stack, TransferRequest request) {
		return switch (stack) {
			case REST_CLIENT -> this.transactions.forOrg("org-1").transfer(request);
			case WEB_CLIENT -> this.reactiveTransactions.forOrg("org-1").transfer(request).block();
		};
	}

	private static TransferRequest request() {
		return TransferRequest.builder()
			.requestId("r-" + UUID.randomUUID())
			.source(TransactionSource.of("Org-Controlled", "f47ac10b-58cc-4372-a567-0e02b2c3d479"))
			.tokenId("ETH")
			.toAddress("0x0000000000000000000000000000000000000001", "0.001")
			.build();
	}

	private List<String> newTransactions() {
		List<String> all = this.sim.transactionIds("org-1");
		return all.subList(this.transactionsBefore, all.size());
	}

	private List<RecordedRequest> transferPosts() {
		return this.sim.recordedRequests()
			.stream()
			.filter((request) -> request.method().equals("POST") && request.rawPath().equals(TRANSFER))
			.toList();
	}

}
