package dev.cobooauth.samples.portal;

import java.util.ArrayList;
import java.util.List;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.SimulatorCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Issue 19, item 7, as an operator meets it: the portal started with its tokens in PostgreSQL but
 * without {@code cobo.token-store.encryption-key} does not start, and says which property to set;
 * started so on purpose ({@code cobo.token-store.allow-plaintext=true}), it warns.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenStoreEncryptionStartupTest {

	@Test
	void refusesToStoreTokensInClearNamingTheProperty(CapturedOutput output) {
		// A JDBC store is a deployment's: the embedded simulator stays off, so the portal is pointed at one.
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--cobo.token-store.type=jdbc"));
		try (CoboSimulator sim = CoboSimulator.start()) {
			SimulatorCredentials.register(sim, "sample-portal-app", List.of("org-acme"))
				.properties()
				.forEach((name, value) -> args.add("--" + name + "=" + value));
			assertThatException()
				.isThrownBy(() -> SpringApplication.run(PortalApplication.class, args.toArray(String[]::new)));
		}

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: cobo.tokenStore.encryptionKey")
			.contains("Reason: cobo.token-store.encryption-key is missing while cobo.token-store.type is jdbc")
			.contains("Action:")
			.contains("or, knowingly, set cobo.token-store.allow-plaintext=true");
	}

	@Test
	void startsWithAWarningWhenPlaintextIsAllowed(CapturedOutput output) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--cobo.token-store.type=jdbc",
				"--cobo.token-store.allow-plaintext=true"));
		try (CoboSimulator sim = CoboSimulator.start()) {
			SimulatorCredentials.register(sim, "sample-portal-app", List.of("org-acme"))
				.properties()
				.forEach((name, value) -> args.add("--" + name + "=" + value));
			try (ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class,
					args.toArray(String[]::new))) {
				assertThat(portal.isRunning()).isTrue();
			}
		}

		assertThat(output).contains("WARN")
			.contains("cobo.token-store.allow-plaintext=true: every org's access and refresh tokens are stored in clear");
	}

}
