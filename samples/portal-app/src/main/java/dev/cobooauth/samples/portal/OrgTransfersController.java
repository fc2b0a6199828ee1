package dev.cobooauth.samples.portal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Submits a transfer for the org named in the path through {@code coboRestClient}, with the request's
 * JSON exactly as it came, and answers with Cobo's status and JSON body. A POST is never sent to Cobo
 * twice, whatever happens on the way.
 */
@RestController
record OrgTransfersController(@Qualifier("coboRestClient") RestClient cobo) {

	/** {@code POST /v2/transactions/transfer}. */
	@PostMapping(path = "/orgs/{orgId}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> transfer(@PathVariable String orgId, @RequestBody String transfer) {
		return CoboAnswers.json(this.cobo.post()
			.uri("/transactions/transfer")
			.attributes(CoboAnswers.org(orgId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(transfer)
			.retrieve()
			.toEntity(String.class));
	}

}
