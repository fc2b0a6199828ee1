package dev.cobooauth.samples.portal;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists and reads the wallets of the org named in the path, through the {@code @HttpExchange}
 * interface of the {@code cobo} group, and answers with Cobo's status and JSON body. The starter
 * answers Cobo's failures as problem details ({@code cobo.problem-details.enabled}).
 */
@RestController
@RequestMapping("/orgs/{orgId}/wallets")
class OrgWalletsController {

	private final WalletsApi wallets;

	OrgWalletsController(WalletsApi wallets) {
		this.wallets = wallets;
	}

	/** {@code GET /v2/wallets} with every query parameter given. */
	@GetMapping
	ResponseEntity<String> listWallets(@PathVariable String orgId, @RequestParam MultiValueMap<String, String> query) {
		return CoboAnswers.json(this.wallets.listWallets(orgId, query));
	}

	/** {@code GET /v2/wallets/{walletId}}. */
	@GetMapping("/{walletId}")
	ResponseEntity<String> getWallet(@PathVariable String orgId, @PathVariable String walletId) {
		return CoboAnswers.json(this.wallets.getWallet(orgId, walletId));
	}

}
