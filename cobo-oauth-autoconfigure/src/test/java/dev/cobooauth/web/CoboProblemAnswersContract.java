package dev.cobooauth.web;

import java.nio.charset.StandardCharsets;

import dev.cobooauth.oauth2.MissingCoboOrgException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application gets from the starter when its call to Cobo fails, on either stack: an
 * {@code application/problem+json} answer, unless it turned that off or answers the failure itself;
 * failures that are not Cobo's are left to its own error handling. Each stack's test supplies the
 * application and how to call it.
 */
abstract class CoboProblemAnswersContract {

	private static final byte[] COBO_ERROR = "{\"error_code\":2006,\"error_message\":\"Wallet 'w-1' not found\",\"error_id\":\"e-42\"}"
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * @param userConfigurations the application's own configurations, besides {@link Calls}
	 * @param properties its properties
	 * @param test what to do with it
	 */
	protected abstract void withApplication(Class<?>[] userConfigurations, String[] properties, ApplicationTest test);

	/**
	 * @param context the running application
	 * @param path what to get
	 * @return the answer; a failure no handler answered is a 500
	 */
	protected abstract Answer get(ApplicationContext context, String path);

	@Test
	void answersACallThatNamesNoOrgWithABadRequestProblem() {
		withApplication(new Class<?>[0], new String[0], (context) -> {
			Answer answer = get(context, "/no-org");

			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.json().path("title").asString()).isEqualTo("No Cobo organization");
			assertThat(answer.json().path("detail").asString()).startsWith("No Cobo organization for GET /v2/wallets");
		});
	}

	@Test
	void answersATokenCoboRefusedWithAForbiddenProblem() {
		withApplication(new Class<?>[0], new String[0], (context) -> {
			Answer answer = get(context, "/not-installed");

			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.json().path("oauth_error").asString()).isEqualTo("unauthorized_client");
			assertThat(answer.json().path("detail").asString()).contains("org org-initech");
		});
	}

	@Test
	void passesCobosErrorAnswersOnWithTheirStatusFromEitherClient() {
		withApplication(new Class<?>[0], new String[0], (context) -> {
			for (String path : new String[] { "/cobo-error/rest-client", "/cobo-error/web-client" }) {
				Answer answer = get(context, path);

				assertThat(answer.status()).as(path).isEqualTo(404);
				assertThat(answer.contentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				assertThat(answer.json().path("error_code").asInt()).as(path).isEqualTo(2006);
				assertThat(answer.json().path("error_id").asString()).as(path).isEqualTo("e-42");
			}
		});
	}

	@Test
	void leavesErrorAnswersOfOtherServicesToTheApplication() {
		withApplication(new Class<?>[0], new String[0], (context) -> assertNotAnswered(get(context, "/other-service")));
	}

	@Test
	void answersNothingWhenTurnedOff() {
		withApplication(new Class<?>[0], new String[] { "cobo.problem-details.enabled=false" },
				(context) -> assertNotAnswered(get(context, "/no-org")));
	}

	@Test
	void letsTheApplicationsOwnHandlerWin() {
		withApplication(new Class<?>[] { OwnHandler.class }, new String[0], (context) -> {
			Answer answer = get(context, "/no-org");

			assertThat(answer.status()).isEqualTo(HttpStatus.I_AM_A_TEAPOT.value());
			assertThat(answer.body()).isEqualTo("answered by the application");
		});
	}

	private static void assertNotAnswered(Answer answer) {
		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.contentType()).isNotEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	/** A test run against one application. */
	@FunctionalInterface
	interface ApplicationTest {

		void accept(ApplicationContext context);

	}

	/**
	 * What the application answered.
	 *
	 * @param status the status
	 * @param contentType the content type, or null
	 * @param body the body
	 */
	record Answer(int status, String contentType, String body) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(this.body);
		}

	}

	/** Endpoints whose calls to Cobo fail, each in its own way. */
	@RestController
	static class Calls {

		@GetMapping("/no-org")
		String noOrg() {
			throw new MissingCoboOrgException(HttpMethod.GET, "/v2/wallets");
		}

		@GetMapping("/not-installed")
		String notInstalled() {
			throw new ClientAuthorizationException(new OAuth2Error("unauthorized_client"), "cobo",
					"Cannot get the Org Access Token of org org-initech: Cobo answered HTTP 403, error=unauthorized_client");
		}

		@GetMapping("/cobo-error/rest-client")
		String coboErrorToRestClient() {
			throw HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", HttpHeaders.EMPTY, COBO_ERROR,
					StandardCharsets.UTF_8);
		}

		@GetMapping("/cobo-error/web-client")
		String coboErrorToWebClient() {
			throw WebClientResponseException.create(404, "Not Found", HttpHeaders.EMPTY, COBO_ERROR,
					StandardCharsets.UTF_8);
		}

		@GetMapping("/other-service")
		String otherService() {
			throw HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
					HttpHeaders.EMPTY, "{\"message\":\"down\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}

	}

	/** The application's own answer to a call that names no org. */
	@RestControllerAdvice
	static class OwnHandler {

		@ExceptionHandler
		ResponseEntity<String> noOrg(MissingCoboOrgException ex) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).contentType(MediaType.TEXT_PLAIN)
				.body("answered by the application");
		}

	}

}
