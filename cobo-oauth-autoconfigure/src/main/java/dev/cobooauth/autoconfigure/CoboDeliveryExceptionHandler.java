package dev.cobooauth.autoconfigure;

import dev.cobooauth.signing.CoboDeliveryVerificationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a refused delivery with its status and an {@code application/problem+json} body, on
 * Spring MVC and WebFlux alike, whatever the application's own error handling: Cobo (or whoever
 * sent it) learns the delivery was not accepted, and why, in the standard form.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoboDeliveryExceptionHandler {

	/**
	 * @param ex the refusal
	 * @return its status and problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> refused(CoboDeliveryVerificationException ex) {
		return ResponseEntity.status(ex.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ex.getBody());
	}

}
