package dev.cobooauth.samples.portal;

import java.util.Map;
import java.util.function.Consumer;

import dev.cobooauth.oauth2.CoboOrg;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls WaaS for the org named in the path and answers with Cobo's status and JSON body. The starter
 * answers Cobo's failures as problem details ({@code cobo.problem-details.enabled}); only a Cobo that
 * did not answer at all is this app's to describe.
 */
@RestController
@RequestMapping("/orgs/{orgId}")
class OrgWaasController {

	private final RestClient cobo;

	private final WalletsApi wallets;

	OrgWaasController(@Qualifier("coboRestClient") RestClient cobo, WalletsApi wallets) {
		this.cobo = cobo;
		this.wallets = wallets;
	}

	/** Cobo was not reached, or did not answer: {@code RestClient}'s I/O failure. */
	@ExceptionHandler
	ErrorResponse unreachable(ResourceAccessException ex) {
		return ErrorResponse.builder(ex, HttpStatus.BAD_GATEWAY, "Cobo did not answer: " + ex.getMessage())
			.title("Cobo unreachable")
			.build();
	}

	/** {@code GET /v2/wallets} with every query parameter given, through the {@code @HttpExchange} interface. */
	@GetMapping("/wallets")
	ResponseEntity<String> listWallets(@PathVariable String orgId, @RequestParam MultiValueMap<String, String> query) {
		return json(this.wallets.listWallets(orNone(orgId), query));
	}

	/** {@code GET /v2/wallets/{walletId}}, through the {@code @HttpExchange} interface. */
	@GetMapping("/wallets/{walletId}")
	ResponseEntity<String> getWallet(@PathVariable String orgId, @PathVariable String walletId) {
		return json(this.wallets.getWallet(orNone(orgId), walletId));
	}

	/** {@code POST /v2/transactions/transfer} with the request's JSON exactly as it came, through {@code coboRestClient}. */
	@PostMapping(path = "/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> transfer(@PathVariable String orgId, @RequestBody String transfer) {
		return json(this.cobo.post()
			.uri("/transactions/transfer")
			.attributes(org(orgId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer)
			.retrieve()
			.toEntity(String.class));
	}

	/**
	 * The org a call acts for. A blank one names none, and the starter then refuses the call with a
	 * {@code MissingCoboOrgException} rather than guess whose token to use.
	 */
	private static String orNone(String orgId) {
		return orgId.isBlank() ? null : orgId;
	}

	/** The org of {@link #orNone(String)} as the request attribute {@code coboRestClient} reads. */
	private static Consumer<Map<String, Object>> org(String orgId) {
		return orgId.isBlank() ? (attributes) -> { } : CoboOrg.id(orgId);
	}

	private static ResponseEntity<String> json(ResponseEntity<String> answer) {
		return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
	}

}
