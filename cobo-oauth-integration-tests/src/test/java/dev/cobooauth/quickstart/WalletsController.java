package dev.cobooauth.quickstart;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own endpoint in front of {@link Wallets}: what a controller test calls over
 * HTTP, with Cobo answered by the simulator.
 */
@RestController
class WalletsController {

	private final Wallets wallets;

	WalletsController(Wallets wallets) {
		this.wallets = wallets;
	}

	@GetMapping(path = "/orgs/{orgId}/wallets", produces = "application/json")
	String list(@PathVariable String orgId) {
		return this.wallets.list(orgId);
	}

}
