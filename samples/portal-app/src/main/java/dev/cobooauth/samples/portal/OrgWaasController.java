package dev.cobooauth.samples.portal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.cobooauth.oauth2.CoboOrg;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Calls WaaS for the org named in the path and answers with Cobo's status and JSON body. Failures
 * become problem details in {@link CoboProblems}.
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

	/** {@code GET /v2/wallets} with every query parameter given, through {@code coboRestClient}. */
	@GetMapping("/wallets")
	ResponseEntity<String> listWallets(@PathVariable String orgId, @RequestParam MultiValueMap<String, String> query) {
		return json(this.cobo.get()
			.uri((uri) -> withQuery(uri.path("/wallets"), query))
			.attributes(org(orgId))
			.retrieve()
			.toEntity(String.class));
	}

	/**
	 * {@code GET /v2/wallets/{walletId}}, through the {@code @HttpExchange} interface. A {@code null}
	 * org names none, like a blank one in {@link #org(String)}.
	 */
	@GetMapping("/wallets/{walletId}")
	ResponseEntity<String> getWallet(@PathVariable String orgId, @PathVariable String walletId) {
		return json(this.wallets.getWallet(orgId.isBlank() ? null : orgId, walletId));
	}

	/** {@code POST /v2/transactions/transfer} with the request's JSON exactly as it came. */
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
	private static Consumer<Map<String, Object>> org(String orgId) {
		return orgId.isBlank() ? (attributes) -> { } : CoboOrg.id(orgId);
	}

	/**
	 * Adds each parameter as URI variables rather than as template text, so that a value such as
	 * {@code Safe{Wallet}} reaches Cobo as given instead of being read as a variable. The starter puts
	 * the query in the form Cobo signs.
	 */
	private static URI withQuery(UriBuilder uri, MultiValueMap<String, String> query) {
		Map<String, String> variables = new HashMap<>();
		query.forEach((name, values) -> values.forEach((value) -> {
			String nameVariable = "q" + variables.size();
			String valueVariable = "q" + (variables.size() + 1);
			variables.put(nameVariable, name);
			variables.put(valueVariable, value);
			uri.queryParam("{" + nameVariable + "}", "{" + valueVariable + "}");
		}));
		return uri.build(variables);
	}

	private static ResponseEntity<String> json(ResponseEntity<String> answer) {
		return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
	}

}
