package dev.cobooauth.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cobooauth.oauth2.CoboErrorResponse;
import dev.cobooauth.oauth2.InvalidCoboOrgException;
import dev.cobooauth.oauth2.MissingCoboOrgException;
import dev.cobooauth.signing.CoboCallFailure;
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
 * <tr><td>{@link InvalidCoboOrgException}: the call named its org with a blank text or a value that
 * is not a {@code String}</td><td>400</td><td>its message</td></tr>
 * <tr><td>a failure to get a token of the starter's: a {@code CoboTokenException}, a
 * {@code CoboTokenStoreUnavailableException}, a {@code ClientAuthorizationException} of the
 * starter's registrations, or Spring Security's {@code OAuth2AuthorizationException} raised in a Cobo
 * client's call ({@link CoboCallFailure}), when Cobo (or the token store) is unavailable:
 * {@code temporarily_unavailable}, {@code invalid_token_response}, a transient
 * {@code CoboTokenException} in its causes</td><td>502</td><td>a generic detail; {@code oauth_error},
 * and Cobo's {@code error_code} when it gave one</td></tr>
 * <tr><td>any other such token failure: Cobo refused the token, e.g. the org has not installed the
 * app</td><td>403</td><td>a generic detail; {@code oauth_error}, and Cobo's {@code error_code} when it
 * gave one</td></tr>
 * <tr><td>{@link CoboResponseSignatureException}: an answer that may not come from Cobo</td><td>502</td>
 * <td>a generic detail; the title names the signature problem</td></tr>
 * <tr><td>{@link RestClientResponseException} or WebFlux's {@code WebClientResponseException} that a
 * Cobo client raised for an error answer Cobo signed</td><td>Cobo's status</td><td>a generic detail;
 * Cobo's {@code error_code} and {@code error_id}</td></tr>
 * <tr><td>the same for an error answer accepted unsigned (414, 429, 502, 503, which a proxy in
 * front of Cobo may give)</td><td>502</td><td>a generic detail: the body speaks for nobody</td></tr>
 * </table>
 *
 * Any other failure is not Cobo's: an error answer that no Cobo client received (another service's,
 * whatever its body), a {@code ClientAuthorizationException} of another registration, an
 * {@code OAuth2AuthorizationException} raised elsewhere. They get {@code null}. A problem never
 * carries an exception's message, a driver's message, a host, a URL or the body of an answer: the
 * starter's handlers write those to the log ({@code dev.cobooauth.web}, at {@code WARN}), where
 * {@link #describe(Throwable)} tells what to write.
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
				return badOrg("No Cobo organization", current);
			}
			if (current instanceof InvalidCoboOrgException) {
				return badOrg("Invalid Cobo organization", current);
			}
			if (current instanceof CoboResponseSignatureException unverified) {
				return unverifiedAnswer(unverified);
			}
			// An answer decides even when it is not Cobo's: its causes are no failure of the call.
			if (current instanceof RestClientResponseException answer) {
				return answered(answer, answer.getStatusCode().value(), answer.getResponseBodyAsByteArray());
			}
			if (WEB_CLIENT_PRESENT && WebClientAnswers.isAnswer(current)) {
				return answered(current, WebClientAnswers.status(current), WebClientAnswers.body(current));
			}
			if (TOKENS_PRESENT && TokenFailures.isTokenFailure(current)) {
				return TokenFailures.problemFor(current);
			}
		}
		return null;
	}

	/**
	 * @param failure a failure {@link #forFailure(Throwable)} gave a problem for
	 * @return what the log gets about it and its causes: their types and messages, and Cobo's
	 * {@code error_message} of an answer it signed, all of which the problem leaves out
	 */
	public static String describe(Throwable failure) {
		Assert.notNull(failure, "failure cannot be null");
		StringBuilder description = new StringBuilder();
		for (Throwable current : causeChain(failure)) {
			if (!description.isEmpty()) {
				description.append("; caused by ");
			}
			description.append(current);
		}
		return description.toString();
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
	private static ProblemDetail badOrg(String title, Throwable org) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.valueOf(org.getMessage()));
		problem.setTitle(title);
		return problem;
	}

	/** An answer that may not come from Cobo: its body was never used. */
	private static ProblemDetail unverifiedAnswer(CoboResponseSignatureException unverified) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"Cobo's answer failed its response signature check and was not used");
		problem.setTitle("Cobo response signature " + unverified.getReason().name().toLowerCase(Locale.ROOT));
		return problem;
	}

	/**
	 * An error answer: Cobo's own refusal when a Cobo client received it signed; a failed call with
	 * nothing more to say when it came unsigned; not Cobo's at all when no Cobo client received it.
	 */
	private static @Nullable ProblemDetail answered(Throwable answer, int status, byte[] body) {
		CoboCallFailure cobos = CoboCallFailure.of(answer);
		if (cobos == null || status < 400) {
			return null;
		}
		if (!cobos.isSignedAnswer()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"The call to Cobo failed before Cobo answered it; try again later");
			problem.setTitle("Cobo unavailable");
			return problem;
		}
		CoboErrorResponse refusal = CoboErrorResponse.read(status, body);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
				(refusal.errorCode() != null) ? "Cobo refused the call with error_code " + refusal.errorCode()
						: "Cobo refused the call");
		problem.setTitle("Cobo refused the call");
		if (refusal.errorCode() != null) {
			problem.setProperty("error_code", refusal.errorCode());
		}
		if (refusal.errorId() != null) {
			problem.setProperty("error_id", refusal.errorId());
		}
		return problem;
	}

}
