package dev.cobooauth.samples.portal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Calls WaaS for the organization that runs this app, with that organization's own API key (Cobo
 * Auth): each request signed with the API key, no Org Access Token. The app key's calls
 * ({@link OrgWalletsController}, {@link OrgTransfersController}) and these never share a key or a token. Only when an API key is
 * configured: against a real Cobo with the Portal App's credentials alone, the app starts without it.
 */
@ConditionalOnExpression("'${cobo.api-key.private-key:}' != '' or '${cobo.api-key.private-key-location:}' != ''")
@RestController
class OwnWalletsController {

	private final RestClient cobo;

	OwnWalletsController(@Qualifier("coboApiKeyRestClient") RestClient cobo) {
		this.cobo = cobo;
	}

	/** The first ten wallets of this app's own organization, as Cobo answers them. */
	@GetMapping(path = "/own/wallets", produces = MediaType.APPLICATION_JSON_VALUE)
	String listWallets() {
		return this.cobo.get().uri("/wallets?limit=10").retrieve().body(String.class);
	}

}
