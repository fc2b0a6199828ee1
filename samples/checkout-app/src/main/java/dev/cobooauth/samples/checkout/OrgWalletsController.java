package dev.cobooauth.samples.checkout;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import dev.cobooauth.oauth2.CoboOrg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;

/**
 * Lists and reads the wallets of the org named in the path and answers with Cobo's status and JSON
 * body. The starter answers Cobo's failures as problem details ({@code cobo.problem-details.enabled});
 * only a Cobo that did not answer at all is this app's to describe.
 */
@RestController
class OrgWalletsController {

	private static final Logger log = LoggerFactory.getLogger(OrgWalletsController.class);

	private final WebClient cobo;

	private final WalletsApi wallets;

	OrgWalletsController(@Qualifier("coboWebClient") WebClient cobo, WalletsApi wallets) {
		this.cobo = cobo;
		this.wallets = wallets;
	}

	/** {@code GET /v2/wallets} with every query parameter given. */
	@GetMapping("/orgs/{orgId}/wallets")
	Mono<ResponseEntity<String>> listWallets(@PathVariable String orgId,
			@RequestParam MultiValueMap<String, String> query) {
		return this.cobo.get()
			.uri((uri) -> withQuery(uri.path("/wallets"), query))
			.attributes(CoboOrg.id(orgId))
			.retrieve()
			.toEntity(String.class)
			.map(OrgWalletsController::json);
	}

	/** {@code GET /v2/wallets/{walletId}}, through the reactive {@code @HttpExchange} interface. */
	@GetMapping("/orgs/{orgId}/wallets/{walletId}")
	Mono<ResponseEntity<String>> getWallet(@PathVariable String orgId, @PathVariable String walletId) {
		return this.wallets.getWallet(orgId, walletId).map(OrgWalletsController::json);
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

	/**
	 * Cobo was not reached, or did not answer: {@code WebClient}'s I/O failure. Its message names hosts
	 * and URLs: it goes to the log, and the caller is told only what happened.
	 */
	@ExceptionHandler
	ErrorResponse unreachable(WebClientRequestException ex) {
		log.warn("Cobo did not answer: {}", ex.getMessage());
		return ErrorResponse.builder(ex, HttpStatus.BAD_GATEWAY, "Cobo did not answer").title("Cobo unreachable").build();
	}

}
