package dev.cobooauth.web;

import dev.cobooauth.oauth2.MissingCoboOrgException;
import dev.cobooauth.signing.CoboResponseSignatureException;

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
 * {@link WebClientAnswerHandler} with WebFlux's {@code WebClient}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class CoboProblemDetailsExceptionHandler {

	@ExceptionHandler({ MissingCoboOrgException.class, CoboResponseSignatureException.class,
			RestClientResponseException.class })
	ResponseEntity<ProblemDetail> coboFailed(Exception failure) throws Exception {
		return answer(failure);
	}

	static ResponseEntity<ProblemDetail> answer(Exception failure) throws Exception {
		ProblemDetail problem = CoboProblemDetails.forFailure(failure);
		if (problem == null) {
			throw failure;
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
