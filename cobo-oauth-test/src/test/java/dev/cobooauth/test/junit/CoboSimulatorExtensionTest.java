package dev.cobooauth.test.junit;

import java.io.IOException;
import java.net.Socket;

import dev.cobooauth.test.CoboSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each test gets its own simulator, shared with its {@code @BeforeEach} methods and closed after it.
 */
@ExtendWith(CoboSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoboSimulatorExtensionTest {

	private static CoboSimulator firstTestsSimulator;

	private CoboSimulator beforeEachSimulator;

	@BeforeEach
	void keep(CoboSimulator sim) {
		this.beforeEachSimulator = sim;
	}

	@Test
	@Order(1)
	void injectsAServingSimulator(CoboSimulator sim) throws IOException {
		firstTestsSimulator = sim;

		try (Socket socket = new Socket("127.0.0.1", sim.port())) {
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	@Order(2)
	void givesTheNextTestAFreshSimulatorAndClosesThePreviousOne(CoboSimulator sim) {
		assumeTrue(firstTestsSimulator != null, "runs after injectsAServingSimulator");

		assertThat(sim).isNotSameAs(firstTestsSimulator);
		assertThatIOException().isThrownBy(() -> new Socket("127.0.0.1", firstTestsSimulator.port()).close());
	}

	@Test
	void injectsTheSameSimulatorIntoBeforeEachAndTheTest(CoboSimulator sim) {
		assertThat(sim).isSameAs(this.beforeEachSimulator);
	}

}
