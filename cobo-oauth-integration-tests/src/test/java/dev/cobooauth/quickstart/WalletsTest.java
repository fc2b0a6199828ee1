package dev.cobooauth.quickstart;

import dev.cobooauth.test.CoboSimulator;
import dev.cobooauth.test.Grant;
import dev.cobooauth.test.context.AutoConfigureCoboSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start's {@link Wallets} against the simulator, as a user's own test would run it: one
 * annotation, and the application's configuration is left as it is.
 */
@SpringBootTest
@AutoConfigureCoboSimulator(clientId = "my-app", orgIds = { "org-1", "org-2" })
class WalletsTest {

	@Autowired
	private CoboSimulator cobo; // the bean coboSimulator

	@Autowired
	private Wallets wallets;

	@Test
	void listsTheWalletsOfTheOrgWithItsOwnToken() {
		String page = this.wallets.list("org-1");

		assertThat(page).contains("\"org_id\":\"org-1\"");
		assertThat(this.cobo.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
		assertThat(this.cobo.lastRequest().rawQuery()).isEqualTo("limit=10");
	}

}
