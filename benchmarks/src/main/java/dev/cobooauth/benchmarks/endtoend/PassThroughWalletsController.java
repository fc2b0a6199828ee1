package dev.cobooauth.benchmarks.endtoend;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * portal-app's {@code OrgWalletsController#listWallets} without the starter: the same path, every
 * query parameter passed on, Cobo's status and body answered as JSON. The org in the path is bound
 * as there, but picks nothing, as there is no token to pick.
 */
@RestController
@RequestMapping("/orgs/{orgId}/wallets")
class PassThroughWalletsController {

	private final PassThroughWalletsApi wallets;

	PassThroughWalletsController(PassThroughWalletsApi wallets) {
		this.wallets = wallets;
	}

	/** {@code GET /v2/wallets} with every query parameter given. */
	@GetMapping
	ResponseEntity<String> listWallets(@PathVariable String orgId, @RequestParam MultiValueMap<String, String> query) {
		ResponseEntity<String> answer = this.wallets.listWallets(query);
		return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
	}

}
