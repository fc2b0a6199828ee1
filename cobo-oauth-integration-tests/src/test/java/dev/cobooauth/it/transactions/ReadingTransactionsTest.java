package dev.cobooauth.it.transactions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import dev.cobooauth.transactions.CoboTransaction;
import dev.cobooauth.transactions.CoboTransactions;
import dev.cobooauth.transactions.ContractCallRequest;
import dev.cobooauth.transactions.CreatedTransaction;
import dev.cobooauth.transactions.MessageSignRequest;
import dev.cobooauth.transactions.ReactiveCoboTransactions;
import dev.cobooauth.transactions.TransactionQuery;
import dev.cobooauth.transactions.TransactionSource;
import dev.cobooauth.transactions.TransferRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating the three kinds of transaction and reading them back on both stacks: one transaction by
 * id, by {@code request_id}, and the list, whose pages are fetched only when reached.
 */
@SpringBootTest(classes = TransactionsApplication.class)
@AutoConfigureCoboSimulator(orgIds = "org-7")
class ReadingTransactionsTest {

	private static final TransactionSource WALLET = new TransactionSource("Org-Controlled",
			"f47ac10b-58cc-4372-a567-0e02b2c3d479", "0x00000000000000000000000000000000000000aa");

	@Autowired
	private CoboSimulator sim;

	@Autowired
	private CoboTransactions transactions;

	@Autowired
	private ReactiveCoboTransactions reactiveTransactions;

	private CoboTransactions org;

	private ReactiveCoboTransactions reactiveOrg;

	@BeforeEach
	void org() {
		this.org = this.transactions.forOrg("org-7");
		this.reactiveOrg = this.reactiveTransactions.forOrg("org-7");
		this.sim.resetCounters();
	}

	@Test
	void sendsTheTransferInSnakeCaseWithAGeneratedRequestId() {
		CreatedTransaction created = this.org.transfer(transfer());

		assertThat(UUID.fromString(created.requestId())).isNotNull();
		assertThat(this.sim.lastRequest().bodyText()).isEqualTo("{\"request_id\":\"" + created.requestId()
				+ "\",\"source\":{\"source_type\":\"Org-Controlled\",\"wallet_id\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\","
				+ "\"address\":\"0x00000000000000000000000000000000000000aa\"},\"token_id\":\"ETH\",\"destination\":"
				+ "{\"destination_type\":\"Address\",\"account_output\":{\"address\":\"0x01\",\"amount\":\"0.5\"}}}");
	}

	@Test
	void getsATransactionByIdAndByRequestIdOnBothStacks() {
		CreatedTransaction created = this.org.transfer(transfer());

		CoboTransaction byId = this.org.get(created.transactionId());
		CoboTransaction byRequestId = this.org.findByRequestId(created.requestId()).orElseThrow();
		CoboTransaction reactive = this.reactiveOrg.get(created.transactionId()).block();

		assertThat(byId.requestId()).isEqualTo(created.requestId());
		assertThat(byId.status()).isEqualTo("Submitted");
		assertThat(byId.tokenId()).isEqualTo("ETH");
		assertThat(byId.amount()).isEqualTo("0.5");
		assertThat(byRequestId).isEqualTo(byId);
		assertThat(reactive).isEqualTo(byId);
		assertThat(this.org.findByRequestId("never-used")).isEmpty();
		assertThat(this.reactiveOrg.findByRequestId("never-used").blockOptional()).isEmpty();
	}

	@Test
	void createsContractCallsAndMessageSigns() {
		CreatedTransaction call = this.org.contractCall(ContractCallRequest.builder()
			.chainId("ETH")
			.source(WALLET)
			.toContract("0x00000000000000000000000000000000000000bb", "0xa9059cbb")
			.build());
		CreatedTransaction sign = this.reactiveOrg
			.messageSign(MessageSignRequest.builder().chainId("ETH").source(WALLET).eip191("Hello").build())
			.block();

		assertThat(this.org.get(call.transactionId()).type()).isEqualTo("ContractCall");
		assertThat(this.org.get(sign.transactionId()).type()).isEqualTo("MessageSign");
	}

	@Test
	void listsEveryTransactionFetchingEachPageOnlyWhenReached() {
		List<String> created = IntStream.range(0, 5).mapToObj((i) -> this.org.transfer(transfer()).transactionId()).toList();
		this.sim.resetCounters();
		TransactionQuery query = TransactionQuery.builder().pageSize(2).build();

		List<String> firstThree = this.org.list(query).limit(3).map(CoboTransaction::transactionId).toList();
		long pagesForThree = this.sim.counters().endpoint("GET /v2/transactions");
		List<String> all = this.org.list(query).map(CoboTransaction::transactionId).toList();
		List<String> reactiveAll = this.reactiveOrg.list(query).map(CoboTransaction::transactionId).collectList().block();

		assertThat(pagesForThree).isEqualTo(2);
		assertThat(all).startsWith(firstThree.toArray(String[]::new));
		List<String> newestFirst = new ArrayList<>(created);
		Collections.reverse(newestFirst);
		assertThat(all.subList(0, 5)).containsExactlyElementsOf(newestFirst);
		assertThat(reactiveAll).isEqualTo(all);
	}

	@Test
	void filtersTheListByRequestId() {
		CreatedTransaction created = this.org.transfer(transfer());

		List<CoboTransaction> found = this.org.list(TransactionQuery.builder().requestId(created.requestId()).build())
			.toList();

		assertThat(found).extracting(CoboTransaction::transactionId).containsExactly(created.transactionId());
	}

	private static TransferRequest transfer() {
		return TransferRequest.builder().source(WALLET).tokenId("ETH").toAddress("0x01", "0.5").build();
	}

}
