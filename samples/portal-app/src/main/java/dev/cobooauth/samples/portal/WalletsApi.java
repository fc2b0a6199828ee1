package dev.cobooauth.samples.portal;

import dev.cobooauth.oauth2.CoboOrgId;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;

/**
 * Cobo's wallet endpoint as an HTTP interface of the {@code cobo} group: the starter gives it the base
 * URL, signs each call, adds the Org Access Token of the {@link CoboOrgId} org and verifies the answer.
 */
interface WalletsApi {

	/**
	 * @param orgId the org whose wallet it is; picks the token, is not sent
	 * @param walletId the wallet
	 * @return Cobo's answer; a 4XX or 5XX is thrown as a {@code RestClientResponseException}
	 */
	@GetExchange("/wallets/{walletId}")
	ResponseEntity<String> getWallet(@CoboOrgId String orgId, @PathVariable String walletId);

}
