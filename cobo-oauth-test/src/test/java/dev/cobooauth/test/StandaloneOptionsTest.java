package dev.cobooauth.test;

import java.util.List;

import dev.cobooauth.signing.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standalone simulator's command line: {@code --name=value} for the four options it knows, each at
 * most once; anything else is refused with a message naming it.
 */
class StandaloneOptionsTest {

	@Test
	void defaultsToPort8089ClientSimClientOrgs1And2AndEd25519Keys() {
		StandaloneOptions options = StandaloneOptions.parse();

		assertThat(options.port()).isEqualTo(8089);
		assertThat(options.clientId()).isEqualTo("sim-client");
		assertThat(options.orgIds()).containsExactly("org-1", "org-2");
		assertThat(options.keyType()).isEqualTo(KeyType.ED25519);
		assertThat(options.apiKey()).isFalse();
	}

	@Test
	void readsEveryOption() {
		StandaloneOptions options = StandaloneOptions.parse("--org-ids=org-acme, org-globex", "--port=0",
				"--client-id=portal", "--key-type=secp256k1", "--api-key");

		assertThat(options).isEqualTo(new StandaloneOptions(0, "portal", List.of("org-acme", "org-globex"),
				KeyType.SECP256K1, true));
	}

	@Test
	void refusesAValueForTheApiKeyFlag() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--api-key=yes"))
			.withMessage("--api-key takes no value");
	}

	@Test
	void takesOneOrg() {
		assertThat(StandaloneOptions.parse("--org-ids=org-acme").orgIds()).containsExactly("org-acme");
	}

	@Test
	void refusesAnUnknownOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--port=9000", "--host=0.0.0.0"))
			.withMessage("Unknown option --host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--port", "port=9000", "-port=9000", "9000" })
	void refusesAnArgumentThatIsNotNameEqualsValue(String argument) {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse(argument))
			.withMessage("'" + argument + "' is not of the form --name=value");
	}

	@Test
	void refusesAnOptionGivenTwice() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--port=1", "--port=2"))
			.withMessage("--port is given twice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "http", "-1", "65536" })
	void refusesAPortThatIsNotOne(String port) {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--port=" + port))
			.withMessageStartingWith("--port must be a number from 0 to 65535");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "org-1,", "org-1,,org-2", " , " })
	void refusesAnEmptyOrgId(String orgIds) {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--org-ids=" + orgIds))
			.withMessageStartingWith("--org-ids must be org ids separated by commas");
	}

	@Test
	void refusesABlankClientId() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--client-id= "))
			.withMessage("--client-id cannot be blank");
	}

	@Test
	void refusesAnUnknownKeyType() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneOptions.parse("--key-type=rsa"))
			.withMessage("--key-type must be ed25519 or secp256k1, was 'rsa'");
	}

	@Test
	void namesEveryOptionInTheUsageLine() {
		assertThat(StandaloneOptions.USAGE).startsWith("Usage: java -jar cobo-oauth-simulator.jar ")
			.contains("[--port=8089]", "[--client-id=sim-client]", "[--org-ids=org-1,org-2]",
					"[--key-type=ed25519|secp256k1]");
	}

}
