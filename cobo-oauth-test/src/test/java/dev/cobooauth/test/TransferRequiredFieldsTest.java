package dev.cobooauth.test;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transfer carries the fields Cobo requires, or is answered 400 with error_code 2003 (missing
 * parameter) naming each missing one by its path; a part that should be an object and is not gets 2006.
 */
@ExtendWith(CoboSimulatorExtension.class)
class TransferRequiredFieldsTest {

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void register(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");
	}

	@Test
	void acceptsACompleteTransferToAnAddress() {
		assertThat(send(Transfers.toAddress("t-1")).status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "request_id", "source", "source.source_type", "source.wallet_id", "token_id",
			"destination", "destination.destination_type", "destination.account_output",
			"destination.account_output.address", "destination.account_output.amount" })
	void refusesATransferWithoutARequiredFieldNamingIt(String field) {
		Answer answer = send(Transfers.toAddressWithout("t-1", field));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2003);
		assertThat(answer.field("error_message")).isEqualTo("Missing required parameter(s): " + field);
		assertThat(this.sim.counters().rejections(Rejection.MISSING_PARAMETER)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "token_id", "source.wallet_id", "destination.account_output.amount" })
	void countsABlankOrNullValueAsMissing(String field) {
		assertThat(send(Transfers.toAddressWith("t-1", field, "\"  \"")).errorCode()).isEqualTo(2003);
		assertThat(send(Transfers.toAddressWith("t-2", field, "null")).errorCode()).isEqualTo(2003);
	}

	@Test
	void namesEveryMissingFieldInOneAnswer() {
		Answer answer = send("{\"source\":{\"source_type\":\"Asset\"}}");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.field("error_message"))
			.isEqualTo("Missing required parameter(s): request_id, source.wallet_id, token_id, destination");
	}

	@Test
	void asksForAnAccountOutputOnlyOfAnAddressDestination() {
		String toExchange = Transfers.toAddressWith("t-1", "destination", "{\"destination_type\":\"ExchangeWallet\"}");

		assertThat(send(toExchange).status()).isEqualTo(201);
	}

	@Test
	void acceptsAnAmountGivenAsAJsonNumber() {
		assertThat(send(Transfers.toAddressWith("t-1", "destination.account_output.amount", "0.001")).status())
			.isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "source", "destination", "destination.account_output" })
	void answersAPartThatIsNotAnObjectWithErrorCode2006(String field) {
		Answer answer = send(Transfers.toAddressWith("t-1", field, "\"Asset\""));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2006);
		assertThat(answer.field("error_message")).isEqualTo(field + " must be a JSON object");
	}

	@Test
	void answersAValueGivenAsAnObjectWithErrorCode2006() {
		Answer answer = send(Transfers.toAddressWith("t-1", "request_id", "{\"id\":1}"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2006);
	}

	@Test
	void answersABodyThatIsNotJsonWithErrorCode2006() {
		Answer answer = send("request_id=t-1");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorCode()).isEqualTo(2006);
	}

	private Answer send(String body) {
		return WireRequest.post(this.sim, this.apiKey.signer(), "/v2/transactions/transfer", body).send();
	}

}
