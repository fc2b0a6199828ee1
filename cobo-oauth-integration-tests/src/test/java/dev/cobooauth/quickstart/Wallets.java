package dev.cobooauth.quickstart;

import dev.cobooauth.oauth2.CoboOrg;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Lists an organization's wallets with {@code coboRestClient}: the starter signs the call, adds the
 * org's Org Access Token (obtained, stored and refreshed for it) and verifies Cobo's answer.
 */
@Service
class Wallets {

	private final RestClient cobo;

	Wallets(@Qualifier("coboRestClient") RestClient cobo) {
		this.cobo = cobo;
	}

	String list(String orgId) {
		return this.cobo.get()
			.uri((uri) -> uri.path("/wallets").queryParam("limit", 10).build())
			.attributes(CoboOrg.id(orgId))
			.retrieve()
			.body(String.class);
	}

}
