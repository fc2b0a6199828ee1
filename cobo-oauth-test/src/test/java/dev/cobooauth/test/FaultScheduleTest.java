package dev.cobooauth.test;

import java.time.Duration;
import java.util.List;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.junit.CoboSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Scheduled faults hit exactly the next N matching requests, then the simulator answers normally.
 */
@ExtendWith(CoboSimulatorExtension.class)
class FaultScheduleTest {

	private final TestKeyPair apiKey = TestKeyPair.generate(KeyType.ED25519);

	private CoboSimulator sim;

	@BeforeEach
	void registerApiKey(CoboSimulator sim) {
		this.sim = sim;
		sim.registerApiKey(this.apiKey.publicKeyHex(), "org-1");
	}

	@Test
	void answersTheNextCallsWithAnUnsignedProxyStatusThenNormally() {
		this.sim.faults().next(2, "/v2/wallets", Fault.status(503, "Service Unavailable").unsigned());

		List<Answer> answers = List.of(listWallets(), listWallets(), listWallets());

		assertThat(answers).extracting(Answer::status).containsExactly(503, 503, 200);
		assertThat(answers.get(0).header("BIZ-RESP-SIGNATURE")).isNull();
		assertThat(answers.get(0).text()).isEqualTo("Service Unavailable");
		assertThat(answers.get(0).header("Content-Type")).startsWith("text/plain");
		assertThat(answers.get(2).isSignedBy(this.sim.responsePublicKeyHex())).isTrue();
	}

	@Test
	void signsAStatusFaultUnlessToldNotTo() {
		this.sim.faults().next(1, "/v2/wallets", Fault.status(429, "{\"error_code\":2010,\"error_message\":\"slow\"}"));

		Answer answer = listWallets();

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.errorCode()).isEqualTo(2010);
		assertThat(answer.isSignedBy(this.sim.responsePublicKeyHex())).isTrue();
	}

	@Test
	void leavesTheRequestUnhandledUnderAStatusFault() {
		String refreshToken = CoboCalls.exchangePermissionToken(this.sim, this.apiKey.signer()).field("refresh_token");
		this.sim.faults().next(1, "/v2/oauth/permission_token/refresh", Fault.status(502, "Bad Gateway").unsigned());
		CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(), refreshToken);

		Answer retry = CoboCalls.refreshPermissionToken(this.sim, this.apiKey.signer(), refreshToken);

		assertThat(retry.status()).isEqualTo(201);
	}

	@Test
	void delaysTheAnswer() {
		this.sim.faults().next(1, "/v2/wallets", Fault.delay(Duration.ofMillis(300)));
		long start = System.nanoTime();

		Answer answer = listWallets();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void dropsTheSignature() {
		this.sim.faults().next(1, "/v2/wallets", Fault.droppedSignature());

		Answer answer = listWallets();

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("BIZ-TIMESTAMP")).isNull();
		assertThat(answer.header("BIZ-RESP-SIGNATURE")).isNull();
	}

	@Test
	void corruptsTheSignature() {
		this.sim.faults().next(1, "/v2/wallets", Fault.corruptedSignature());

		Answer answer = listWallets();

		assertThat(answer.header("BIZ-RESP-SIGNATURE")).matches("[0-9a-f]{128}");
		assertThat(answer.isSignedBy(this.sim.responsePublicKeyHex())).isFalse();
	}

	@Test
	void tampersTheBodyAfterSigning() {
		this.sim.faults().next(1, "/v2/wallets", Fault.tamperedBody());

		Answer answer = listWallets();

		assertThat(answer.json().get("tampered").asBoolean()).isTrue();
		assertThat(answer.json().get("data")).hasSize(6);
		assertThat(answer.isSignedBy(this.sim.responsePublicKeyHex())).isFalse();
	}

	@Test
	void hitsOnlyTheGivenMethod() {
		this.sim.faults().next(1, "POST", "/v2/wallets", Fault.status(500, "{}"));

		assertThat(listWallets().status()).isEqualTo(200);
		assertThat(this.sim.faults().remaining()).isEqualTo(1);
	}

	@Test
	void matchesAnEndpointTemplate() {
		this.sim.faults().next(1, "/v2/wallets/{wallet_id}", Fault.status(503, "").unsigned());

		Answer answer = WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets/any-id").send();

		assertThat(answer.status()).isEqualTo(503);
	}

	@Test
	void givesAFaultToExactlyNOfManyConcurrentRequests() {
		this.sim.faults().next(5, "/v2/wallets", Fault.status(503, "busy").unsigned());

		List<Integer> statuses = CoboCalls.statusesOfConcurrent(50,
				() -> WireRequest.get(this.sim, this.apiKey.signer(), "/v2/wallets"));

		assertThat(statuses).filteredOn((status) -> status == 503).hasSize(5);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(45);
	}

	@Test
	void forgetsEveryFaultOnClear() {
		this.sim.faults().next(3, "/v2/wallets", Fault.droppedSignature());

		this.sim.faults().clear();

		assertThat(this.sim.faults().remaining()).isZero();
		assertThat(listWallets().isSignedBy(this.sim.responsePublicKeyHex())).isTrue();
	}

	@Test
	void refusesAPathWithoutLeadingSlash() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sim.faults().next(1, "v2/wallets", Fault.droppedSignature()))
			.withMessageContaining("path");
	}

	private Answer listWallets() {
		return CoboCalls.listWallets(this.sim, this.apiKey.signer());
	}

}
