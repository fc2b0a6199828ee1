package dev.cobooauth.samples.portal;

import java.util.Locale;

import dev.cobooauth.signing.CoboResponseSignatureException;
import dev.cobooauth.oauth2.CoboErrorResponse;
import dev.cobooauth.oauth2.CoboTokenErrors;
import dev.cobooauth.oauth2.CoboTokenException;
import dev.cobooauth.oauth2.MissingCoboOrgException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns each way a Cobo call fails into an {@code application/problem+json} answer whose
 * {@code detail} names the cause.
 */
@RestControllerAdvice
class CoboProblems {

	/**
	 * No Org Access Token for the org. Cobo refusing it (e.g. the org has not installed the app) is a
	 * 403; Cobo failing or answering nonsense is a 502.
	 */
	@ExceptionHandler
	ProblemDetail noOrgAccessToken(ClientAuthorizationException ex) {
		boolean coboFailed = (ex.getCause() instanceof CoboTokenException token && token.isTransient())
				|| CoboTokenErrors.INVALID_TOKEN_RESPONSE.equals(ex.getError().getErrorCode());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(coboFailed ? HttpStatus.BAD_GATEWAY : HttpStatus.FORBIDDEN,
				ex.getMessage());
		problem.setTitle("No Org Access Token");
		problem.setProperty("oauth_error", ex.getError().getErrorCode());
		return problem;
	}

	/** An answer that may not come from Cobo: its body was never used. */
	@ExceptionHandler
	ProblemDetail unverifiedAnswer(CoboResponseSignatureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("Cobo response signature " + ex.getReason().name().toLowerCase(Locale.ROOT));
		return problem;
	}

	/** Cobo's own refusal: its status, and its {@code error_code}, {@code error_message} and {@code error_id}. */
	@ExceptionHandler
	ProblemDetail coboRefused(RestClientResponseException ex) {
		CoboErrorResponse cobo = CoboErrorResponse.read(ex.getStatusCode().value(), ex.getResponseBodyAsByteArray());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.getStatusCode(), "Cobo answered " + cobo.summary());
		problem.setTitle("Cobo refused the call");
		setIfPresent(problem, "error_code", cobo.errorCode());
		setIfPresent(problem, "error_message", cobo.errorMessage());
		setIfPresent(problem, "error_id", cobo.errorId());
		return problem;
	}

	private static void setIfPresent(ProblemDetail problem, String name, Object value) {
		if (value != null) {
			problem.setProperty(name, value);
		}
	}

	/** Cobo was not reached, or did not answer. */
	@ExceptionHandler
	ProblemDetail unreachable(ResourceAccessException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"Cobo did not answer: " + ex.getMessage());
		problem.setTitle("Cobo unreachable");
		return problem;
	}

	/** The call named no org, and no default org is set: the starter never guesses whose token to use. */
	@ExceptionHandler
	ProblemDetail noOrg(MissingCoboOrgException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("No Cobo organization");
		return problem;
	}

}
