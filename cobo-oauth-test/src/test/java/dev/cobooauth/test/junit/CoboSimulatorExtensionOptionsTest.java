package dev.cobooauth.test.junit;

import dev.cobooauth.test.CoboSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered extension starts simulators with its supplier; one asked for in {@code @BeforeAll}
 * serves the whole class.
 */
class CoboSimulatorExtensionOptionsTest {

	@RegisterExtension
	static final CoboSimulatorExtension cobo = new CoboSimulatorExtension(
			() -> CoboSimulator.builder().responseSigningSeed("11".repeat(32)).start());

	private static CoboSimulator classSimulator;

	@BeforeAll
	static void keep(CoboSimulator sim) {
		classSimulator = sim;
	}

	@Test
	void startsSimulatorsWithTheGivenSupplier(CoboSimulator sim) {
		try (CoboSimulator sameSeed = CoboSimulator.builder().responseSigningSeed("11".repeat(32)).start()) {
			assertThat(sim.responsePublicKeyHex()).isEqualTo(sameSeed.responsePublicKeyHex());
		}
	}

	@Test
	void givesTestsTheSimulatorOfBeforeAll(CoboSimulator sim) {
		assertThat(sim).isSameAs(classSimulator);
	}

}
