package dev.cobooauth.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cobooauth.oauth2.CoboErrorResponse;
import dev.cobooauth.oauth2.MissingCoboOrgException;
import dev.cobooauth.signing.CoboResponseSignatureException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientResponseException;

/**
 * The {@link ProblemDetail} an application answers its own caller with when a call to Cobo failed.
 * In a Spring MVC or WebFlux application the starter already answers these failures as
 * {@code application/problem+json} (turn that off with {@code cobo.problem-details.enabled=false});
 * an application that handles them itself calls {@link #forFailure(Throwable)} from its own
 * {@code @ExceptionHandler}, which then wins, and adjusts what it gets:
 *
 * <pre class="code">
 * &#64;ExceptionHandler
 * ResponseEntity&lt;ProblemDetail&gt; noToken(ClientAuthorizationException ex) {
 *     ProblemDetail problem = CoboProblemDetails.forFailure(ex);
 *     if (problem == null) {
 *         throw ex; // not Cobo's: Spring's default handling answers it
 *     }
 *     problem.setType(URI.create("https://example.com/problems/cobo"));
 *     return ResponseEntity.of(problem).build();
 * }
 * </pre>
 *
 * The first failure of the cause chain that this class knows decides:
 * <table>
 * <caption>Problems by failure</caption>
 * <tr><th>failure</th><th>status</th><th>detail and properties</th></tr>
 * <tr><td>{@link MissingCoboOrgException}: the call named no org</td><td>400</td><td>its message</td></tr>
 * <tr><td>Spring Security's {@code OAuth2AuthorizationException} (or {@code ClientAuthorizationException}
 * of the starter's registrations) that Cobo is unavailable for: {@code temporarily_unavailable},
 * {@code invalid_token_response}, a transient {@code CoboTokenException} in its causes, or a
 * {@code CoboTokenStoreUnavailableException}</td><td>502</td><td>its message, which names the org;
 * {@code oauth_error}</td></tr>
 * <tr><td>any other such token failure: Cobo refused the token, e.g. the org has not installed the
 * app</td><td>403</td><td>its message, which names the org and Cobo's error; {@code oauth_error}</td></tr>
 * <tr><td>{@link CoboResponseSignatureException}: an answer that may not come from Cobo</td><td>502</td>
 * <td>its message, naming the signature problem</td></tr>
 * <tr><td>{@link RestClientResponseException} or WebFlux's {@code WebClientResponseException} whose
 * body is Cobo's error ({@code error_code}, {@code error_message}, {@code error_id})</td><td>Cobo's
 * status</td><td>{@code Cobo answered ...}; {@code error_code}, {@code error_message},
 * {@code error_id}</td></tr>
 * </table>
 *
 * Any other failure is not Cobo's, and neither is a {@code ClientAuthorizationException} of another
 * registration or an error answer without {@code error_code}: they may come from another service
 * the application calls, so they get {@code null}. A detail is an exception's message, which the
 * starter writes without a token or a key.
 * <p>
 * Spring's own extension point, {@link org.springframework.web.ErrorResponse}, is for exceptions
 * that know their answer; Cobo's failures are thrown by Spring Security and Spring's HTTP clients
 * as well as by the starter, so their answers are decided here instead. Works with or without
 * Spring Security and WebFlux on the class path.
 */
public final class CoboProblemDetails {

	private static final boolean TOKENS_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.core.OAuth2AuthorizationException",
			CoboProblemDetails.class.getClassLoader());

	private static final boolean WEB_CLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			CoboProblemDetails.class.getClassLoader());

	private CoboProblemDetails() {
	}

	/**
	 * @param failure what was thrown, e.g. to an {@code @ExceptionHandler}
	 * @return the problem to answer with, or {@code null} when neither the failure nor any of its
	 * causes is a Cobo failure this class knows
	 */
	public static @Nullable ProblemDetail forFailure(Throwable failure) {
		Assert.notNull(failure, "failure cannot be null");
		for (Throwable current : causeChain(failure)) {
			if (current instanceof MissingCoboOrgException) {
				return noOrg(current);
			}
			if (current instanceof CoboResponseSignatureException unverified) {
				return unverifiedAnswer(unverified);
			}
			// An answer decides even when it is not Cobo's: its causes are no failure of the call.
			if (current instanceof RestClientResponseException answer) {
				return coboAnswered(CoboErrorResponse.read(answer.getStatusCode().value(), answer.getResponseBodyAsByteArray()));
			}
			if (WEB_CLIENT_PRESENT && WebClientAnswers.isAnswer(current)) {
				return coboAnswered(WebClientAnswers.read(current));
			}
			if (TOKENS_PRESENT && TokenFailures.isTokenFailure(current)) {
				return TokenFailures.problemFor(current);
			}
		}
		return null;
	}

	/**
	 * @param failure a failure
	 * @return the failure and its causes, outermost first, each once
	 */
	static List<Throwable> causeChain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			chain.add(current);
		}
		return chain;
	}

	/** The starter never guesses whose token to use: the caller did not say which org it acts for. */
	private static ProblemDetail noOrg(Throwable missing) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(missing.getMessage()));
		problem.setTitle("No Cobo organization");
		return problem;
	}

	/** An answer that may not come from Cobo: its body was never used. */
	private static ProblemDetail unverifiedAnswer(CoboResponseSignatureException unverified) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, String.valueOf(unverified.getMessage()));
		problem.setTitle("Cobo response signature " + unverified.getReason().name().toLowerCase(Locale.ROOT));
		return problem;
	}

	/** Cobo's own refusal: its status, and its {@code error_code}, {@code error_message} and {@code error_id}. */
	private static @Nullable ProblemDetail coboAnswered(CoboErrorResponse answer) {
		if (answer.errorCode() == null || answer.httpStatus() < 400) {
			return null;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(answer.httpStatus()),
				"Cobo answered " + answer.summary());
		problem.setTitle("Cobo refused the call");
		problem.setProperty("error_code", answer.errorCode());
		if (answer.errorMessage() != null) {
			problem.setProperty("error_message", answer.errorMessage());
		}
		if (answer.errorId() != null) {
			problem.setProperty("error_id", answer.errorId());
		}
		return problem;
	}

}
