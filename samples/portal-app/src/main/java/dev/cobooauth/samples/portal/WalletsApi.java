package dev.cobooauth.samples.portal;

import dev.cobooauth.oauth2.CoboOrgId;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Cobo's wallet endpoints as an HTTP interface of the {@code cobo} group: the starter gives it the
 * base URL, signs each call, adds the Org Access Token of the {@link CoboOrgId} org and verifies the
 * answer. A 4XX or 5XX answer is thrown as a {@code RestClientResponseException}.
 */
@HttpExchange("/wallets")
interface WalletsApi {

	/**
	 * @param orgId the org whose wallets they are; picks the token, is not sent
	 * @param query the query parameters, each sent as given: Spring's HTTP interface passes values as
	 * URI variables, so a value such as {@code Safe{Wallet}} is not read as one
	 * @return Cobo's answer
	 */
	@GetExchange
	ResponseEntity<String> listWallets(@CoboOrgId String orgId, @RequestParam MultiValueMap<String, String> query);

	/**
	 * @param orgId the org whose wallet it is; picks the token, is not sent
	 * @param walletId the wallet
	 * @return Cobo's answer
	 */
	@GetExchange("/{walletId}")
	ResponseEntity<String> getWallet(@CoboOrgId String orgId, @PathVariable String walletId);

}
