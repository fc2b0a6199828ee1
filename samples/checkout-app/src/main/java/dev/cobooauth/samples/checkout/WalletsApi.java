package dev.cobooauth.samples.checkout;

import dev.cobooauth.oauth2.CoboOrgId;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Cobo's wallet endpoints as a reactive HTTP interface of the {@code cobo} group, backed by a
 * {@code WebClient} ({@code clientType = WEB_CLIENT} in {@link CheckoutApplication}): the starter gives
 * it the base URL, signs each call, adds the Org Access Token of the {@link CoboOrgId} org and verifies
 * the answer, all without blocking. A 4XX or 5XX answer is signalled as a
 * {@code WebClientResponseException}.
 */
@HttpExchange("/wallets")
interface WalletsApi {

	/**
	 * @param orgId the org whose wallet it is; picks the token, is not sent
	 * @param walletId the wallet
	 * @return Cobo's answer
	 */
	@GetExchange("/{walletId}")
	Mono<ResponseEntity<String>> getWallet(@CoboOrgId String orgId, @PathVariable String walletId);

}
