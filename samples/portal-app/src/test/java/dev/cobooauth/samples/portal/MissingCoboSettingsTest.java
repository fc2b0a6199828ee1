package dev.cobooauth.samples.portal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Issue 22, item 5: the portal as deployed from its jar, which has no simulator, refuses to start
 * without the settings of a real Cobo and names them, instead of starting anything.
 */
class MissingCoboSettingsTest {

	@Test
	void refusesToStartWithoutCobosSettingsAndNamesThem() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringApplication.run(PortalApplication.class, "--server.port=0",
					"--cobo.simulator.embedded=never"))
			.withMessageContaining("missing cobo.app.client-id, cobo.app.private-key-location (or cobo.app.private-key).")
			.withMessageContaining("spring-boot:test-run");
	}

	@Test
	void namesOnlyWhatIsMissing() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringApplication.run(PortalApplication.class, "--server.port=0", "--cobo.env=sandbox",
					"--cobo.app.client-id=my-app", "--cobo.api-key.private-key-location=file:/nonexistent/api-secret"))
			.withMessageContaining("is missing cobo.app.private-key-location (or cobo.app.private-key).");
	}

}
