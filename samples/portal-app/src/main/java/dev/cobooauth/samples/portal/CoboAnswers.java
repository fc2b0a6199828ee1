package dev.cobooauth.samples.portal;

import java.util.Map;
import java.util.function.Consumer;

import dev.cobooauth.oauth2.CoboOrg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * What the portal's controllers share: naming the org of a call, passing Cobo's answer on as JSON,
 * and answering a Cobo that did not answer at all, {@code RestClient}'s I/O failure, which is the
 * one failure the starter leaves to the application.
 */
@RestControllerAdvice
class CoboAnswers {

	private static final Logger log = LoggerFactory.getLogger(CoboAnswers.class);

	/**
	 * The org a call acts for, from the request path, as the request attribute {@code coboRestClient}
	 * reads. A blank one ({@code /orgs/%20/...}) is refused by the starter with a 400 problem: it
	 * never stands for {@code cobo.app.default-org}.
	 */
	static Consumer<Map<String, Object>> org(String orgId) {
		return CoboOrg.id(orgId);
	}

	static ResponseEntity<String> json(ResponseEntity<String> answer) {
		return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
	}

	/**
	 * Cobo was not reached, or did not answer. The I/O error names hosts and URLs: it goes to the log,
	 * and the caller is told only what happened.
	 */
	@ExceptionHandler
	ErrorResponse unreachable(ResourceAccessException ex) {
		log.warn("Cobo did not answer: {}", ex.getMessage());
		return ErrorResponse.builder(ex, HttpStatus.BAD_GATEWAY, "Cobo did not answer").title("Cobo unreachable").build();
	}

}
