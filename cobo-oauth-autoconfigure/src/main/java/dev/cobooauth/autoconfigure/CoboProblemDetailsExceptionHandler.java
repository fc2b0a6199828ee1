package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.InvalidCoboOrgException;
import dev.cobooauth.oauth2.MissingCoboOrgException;
import dev.cobooauth.signing.CoboResponseSignatureException;
import dev.cobooauth.web.CoboProblemDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Answers Cobo's failures with the problem of {@link CoboProblemDetails}, as
 * {@code application/problem+json}, on Spring MVC and WebFlux alike: a {@code ResponseEntity} is
 * answered the same way by both. Last among the advices, and only for the failures named, so that an
 * application's own {@code @ExceptionHandler} for them wins. A failure that is not Cobo's is thrown
 * again, which hands it to Spring's default handling as if no handler had matched.
 * <p>
 * Split by where each failure type lives, so that each advice loads only with its library: this one
 * with {@code spring-web}, {@link TokenFailureHandler} with Spring Security's OAuth2 client,
 * {@link WebClientAnswerHandler} with WebFlux's {@code WebClient}. Each failure answered is logged
 * at {@code WARN} (a 400 at {@code DEBUG}) with what the answer leaves out.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CoboProblemDetailsExceptionHandler {

	private static final Log logger = LogFactory.getLog(CoboProblemDetailsExceptionHandler.class);

	@ExceptionHandler({ MissingCoboOrgException.class, InvalidCoboOrgException.class,
			CoboResponseSignatureException.class, RestClientResponseException.class })
	ResponseEntity<ProblemDetail> coboFailed(Exception failure) throws Exception {
		return answer(failure);
	}

	static ResponseEntity<ProblemDetail> answer(Exception failure) throws Exception {
		ProblemDetail problem = CoboProblemDetails.forFailure(failure);
		if (problem == null) {
			throw failure;
		}
		// What the caller is not told (messages, hosts, URLs, bodies) is for the operator; a call
		// that named no usable org is the caller's mistake, not the operator's concern.
		if (problem.getStatus() == 400) {
			if (logger.isDebugEnabled()) {
				logger.debug("Answered a Cobo call with 400 " + problem.getTitle() + ": " + CoboProblemDetails.describe(failure));
			}
		}
		else {
			logger.warn("Answered a failed Cobo call with " + problem.getStatus() + " " + problem.getTitle() + ": "
					+ CoboProblemDetails.describe(failure));
		}
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** No token for the call: Cobo refused it, or was unavailable. */
	@RestControllerAdvice
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class TokenFailureHandler {

		@ExceptionHandler(OAuth2AuthorizationException.class)
		ResponseEntity<ProblemDetail> noToken(Exception failure) throws Exception {
			return answer(failure);
		}

	}

	/** Cobo's error answer to a {@code WebClient} call. */
	@RestControllerAdvice
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class WebClientAnswerHandler {

		@ExceptionHandler(WebClientResponseException.class)
		ResponseEntity<ProblemDetail> coboAnswered(Exception failure) throws Exception {
			return answer(failure);
		}

	}

}
