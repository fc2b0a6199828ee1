package dev.cobooauth.web;

import java.util.Arrays;
import java.util.concurrent.CompletionException;

import dev.cobooauth.oauth2.InvalidCoboOrgException;
import dev.cobooauth.oauth2.MissingCoboOrgException;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.CoboWebClientConfigurer;
import dev.cobooauth.signing.KeyType;
import dev.cobooauth.testsupport.SignedResponses;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application gets from the starter when its call to Cobo fails, on either stack: an
 * {@code application/problem+json} answer, unless it turned that off or answers the failure itself;
 * failures that are not Cobo's are left to its own error handling. Each stack's test supplies the
 * application and how to call it. The application calls a fake Cobo (and a fake other service)
 * over HTTP, with clients the starter configured and with plain ones.
 */
abstract class CoboProblemAnswersContract {

	private static final String COBO_ERROR = "{\"error_code\":2006,\"error_message\":\"Wallet 'w-1' not found\",\"error_id\":\"e-42\"}";

	/** Where the application's calls go: a fake Cobo, or another service answering in Cobo's shape. */
	@StartStop
	final MockWebServer upstream = new MockWebServer();

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

	private void run(Class<?>[] userConfigurations, String[] properties, ApplicationTest test) {
		String[] withUpstream = Arrays.copyOf(properties, properties.length + 1);
		withUpstream[properties.length] = "upstream=" + this.upstream.url("/v2");
		withApplication(userConfigurations, withUpstream, test);
	}

	@Test
	void answersACallThatNamesNoOrgWithABadRequestProblem() {
		run(new Class<?>[0], new String[0], (context) -> {
			Answer answer = get(context, "/no-org");

			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.json().path("title").asString()).isEqualTo("No Cobo organization");
			assertThat(answer.json().path("detail").asString()).startsWith("No Cobo organization for GET /v2/wallets");
		});
	}

	@Test
	void answersACallThatNamesABlankOrgWithABadRequestProblem() {
		run(new Class<?>[0], new String[0], (context) -> {
			Answer answer = get(context, "/blank-org");

			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.json().path("title").asString()).isEqualTo("Invalid Cobo organization");
			assertThat(answer.json().path("detail").asString()).contains("whitespace only")
				.contains("cobo.app.default-org");
		});
	}

	@Test
	void answersATokenCoboRefusedWithAForbiddenProblemThatRepeatsNoMessage() {
		run(new Class<?>[0], new String[0], (context) -> {
			Answer answer = get(context, "/not-installed");

			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.json().path("oauth_error").asString()).isEqualTo("unauthorized_client");
			assertThat(answer.json().path("detail").asString()).isEqualTo("Cobo refused the Org Access Token for this call");
			assertThat(answer.body()).doesNotContain("cobo.internal").doesNotContain("org-initech");
		});
	}

	@Test
	void passesCobosSignedErrorAnswersOnWithTheirStatusAndErrorCodeFromEitherClient() {
		run(new Class<?>[0], new String[0], (context) -> {
			for (String path : new String[] { "/cobo-error/rest-client", "/cobo-error/web-client" }) {
				this.upstream.enqueue(SignedResponses.signed(404, COBO_ERROR));

				Answer answer = get(context, path);

				assertThat(answer.status()).as(path).isEqualTo(404);
				assertThat(answer.contentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				assertThat(answer.json().path("error_code").asInt()).as(path).isEqualTo(2006);
				assertThat(answer.json().path("error_id").asString()).as(path).isEqualTo("e-42");
				assertThat(answer.json().path("detail").asString()).as(path)
					.isEqualTo("Cobo refused the call with error_code 2006");
				assertThat(answer.body()).as(path).doesNotContain("w-1").doesNotContain("localhost")
					.doesNotContain(String.valueOf(this.upstream.getPort()));
			}
		});
	}

	@Test
	void answersAnUnsignedErrorAnswerOfCobosAsUnavailableWithoutItsBodyFromEitherClient() {
		run(new Class<?>[0], new String[0], (context) -> {
			for (String path : new String[] { "/cobo-error/rest-client", "/cobo-error/web-client" }) {
				this.upstream.enqueue(SignedResponses.unsigned(503,
						"{\"error_code\":12007,\"error_message\":\"proxy at 10.0.0.7 says: insufficient balance\"}"));

				Answer answer = get(context, path);

				assertThat(answer.status()).as(path).isEqualTo(502);
				assertThat(answer.json().path("title").asString()).as(path).isEqualTo("Cobo unavailable");
				assertThat(answer.json().has("error_code")).as(path).isFalse();
				assertThat(answer.body()).as(path).doesNotContain("10.0.0.7").doesNotContain("12007");
			}
		});
	}

	@Test
	void leavesErrorAnswersOfOtherServicesInCobosShapeToTheApplicationOnEitherClient() {
		run(new Class<?>[0], new String[0], (context) -> {
			for (String path : new String[] { "/other-service/rest-client", "/other-service/web-client" }) {
				this.upstream.enqueue(SignedResponses.signed(404, COBO_ERROR));

				assertNotAnswered(get(context, path));
			}
		});
	}

	@Test
	void leavesTokenFailuresOfOtherClientsToTheApplication() {
		run(new Class<?>[0], new String[0], (context) -> assertNotAnswered(get(context, "/other-token")));
	}

	@Test
	void answersNothingWhenTurnedOff() {
		run(new Class<?>[0], new String[] { "cobo.problem-details.enabled=false" },
				(context) -> assertNotAnswered(get(context, "/no-org")));
	}

	@Test
	void letsTheApplicationsOwnHandlerWin() {
		run(new Class<?>[] { OwnHandler.class }, new String[0], (context) -> {
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

	/** Endpoints whose calls to Cobo, or to another service, fail, each in its own way. */
	@RestController
	static class Calls {

		private final String upstream;

		private final RestClient cobosRestClient;

		private final WebClient cobosWebClient;

		Calls(@Value("${upstream}") String upstream) {
			this.upstream = upstream;
			CoboEndpoint cobo = CoboEndpoint.builder(upstream).responsePublicKey(TestKeys.coboPublicKey(), "test").build();
			CoboSigner apiKey = TestKeys.signer(TestKeys.API_SECRET, KeyType.ED25519);
			this.cobosRestClient = RestClient.builder().apply(CoboRestClientConfigurer.forApiKey(cobo, apiKey)).build();
			this.cobosWebClient = WebClient.builder().apply(CoboWebClientConfigurer.forApiKey(cobo, apiKey)).build();
		}

		/** Waits without {@code block()}, which WebFlux refuses on its threads, and throws what failed. */
		private static String await(Mono<String> answer) {
			try {
				return answer.toFuture().join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
			}
		}

		@GetMapping("/no-org")
		String noOrg() {
			throw new MissingCoboOrgException(HttpMethod.GET, "/v2/wallets");
		}

		@GetMapping("/blank-org")
		String blankOrg() {
			throw new InvalidCoboOrgException("GET /v2/wallets", " ");
		}

		@GetMapping("/not-installed")
		String notInstalled() {
			throw new ClientAuthorizationException(new OAuth2Error("unauthorized_client"), "cobo",
					"Cannot get the Org Access Token of org org-initech from https://cobo.internal:8443: "
							+ "Cobo answered HTTP 403, error=unauthorized_client");
		}

		@GetMapping("/cobo-error/rest-client")
		String coboErrorToRestClient() {
			return this.cobosRestClient.get().uri("/wallets/w-1").retrieve().body(String.class);
		}

		@GetMapping("/cobo-error/web-client")
		String coboErrorToWebClient() {
			return await(this.cobosWebClient.get().uri("/wallets/w-1").retrieve().bodyToMono(String.class));
		}

		@GetMapping("/other-service/rest-client")
		String otherServiceToRestClient() {
			return RestClient.create(this.upstream + "/wallets/w-1").get().retrieve().body(String.class);
		}

		@GetMapping("/other-service/web-client")
		String otherServiceToWebClient() {
			return await(WebClient.create(this.upstream + "/wallets/w-1").get().retrieve().bodyToMono(String.class));
		}

		@GetMapping("/other-token")
		String otherToken() {
			throw new OAuth2AuthorizationException(new OAuth2Error("temporarily_unavailable"),
					"The identity provider at https://idp.internal is down");
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
