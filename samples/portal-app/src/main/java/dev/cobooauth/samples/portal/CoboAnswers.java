package dev.cobooauth.samples.portal;

import java.util.Map;
import java.util.function.Consumer;

import dev.cobooauth.oauth2.CoboOrg;

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

	/**
	 * The org a call acts for. A blank one names none, and the starter then refuses the call with a
	 * {@code MissingCoboOrgException} rather than guess whose token to use.
	 */
	static String orNone(String orgId) {
		return orgId.isBlank() ? null : orgId;
	}

	/** The org of {@link #orNone(String)} as the request attribute {@code coboRestClient} reads. */
	static Consumer<Map<String, Object>> org(String orgId) {
		return orgId.isBlank() ? (attributes) -> { } : CoboOrg.id(orgId);
	}

	static ResponseEntity<String> json(ResponseEntity<String> answer) {
		return ResponseEntity.status(answer.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
	}

	/** Cobo was not reached, or did not answer. */
	@ExceptionHandler
	ErrorResponse unreachable(ResourceAccessException ex) {
		return ErrorResponse.builder(ex, HttpStatus.BAD_GATEWAY, "Cobo did not answer: " + ex.getMessage())
			.title("Cobo unreachable")
			.build();
	}

}
