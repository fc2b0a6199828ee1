package dev.cobooauth.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.cobooauth.oauth2.CoboTokenException;
import dev.cobooauth.oauth2.CoboTokenOperation;
import dev.cobooauth.oauth2.CoboTokenStoreUnavailableException;
import dev.cobooauth.oauth2.MissingCoboOrgException;
import dev.cobooauth.signing.CoboResponseSignatureException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem for each way a Cobo call fails, decided from the exception alone.
 */
class CoboProblemDetailsTest {

	private static final String COBO_ERROR = "{\"error_code\":2006,\"error_message\":\"Wallet 'w-1' not found\","
			+ "\"error_id\":\"e-42\"}";

	@Test
	void aCallThatNamesNoOrgIsABadRequest() {
		MissingCoboOrgException missing = new MissingCoboOrgException(HttpMethod.GET, "/v2/wallets");

		ProblemDetail problem = CoboProblemDetails.forFailure(missing);

		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getTitle()).isEqualTo("No Cobo organization");
		assertThat(problem.getDetail()).isEqualTo(missing.getMessage()).startsWith("No Cobo organization for GET /v2/wallets");
	}

	@Test
	void aTokenCoboRefusedIsForbiddenWithAGenericDetail() {
		CoboTokenException refused = coboAnswered(CoboTokenOperation.GET_ORG_ACCESS_TOKEN, "unauthorized_client",
				"HTTP 403, error=unauthorized_client, error_description=app not installed");

		ProblemDetail problem = CoboProblemDetails.forFailure(orgToken("org-initech", refused));

		assertThat(problem.getStatus()).isEqualTo(403);
		assertThat(problem.getTitle()).isEqualTo("No Org Access Token");
		assertThat(problem.getDetail()).isEqualTo("Cobo refused the Org Access Token for this call");
		assertThat(problem.getProperties()).containsEntry("oauth_error", "unauthorized_client");
	}

	@Test
	void aTokenCoboCouldNotServeIsABadGateway() {
		CoboTokenException unavailable = coboAnswered(CoboTokenOperation.GET_ORG_ACCESS_TOKEN,
				"temporarily_unavailable", "HTTP 503");

		ProblemDetail problem = CoboProblemDetails.forFailure(orgToken("org-acme", unavailable));

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getDetail()).isEqualTo("The Org Access Token for this call could not be had now; try again later");
		assertThat(problem.getProperties()).containsEntry("oauth_error", "temporarily_unavailable");
	}

	@Test
	void aTransientFailureDeepInTheCausesIsABadGatewayWhateverTheOuterError() {
		CoboTokenException unreachable = new CoboTokenException(CoboTokenOperation.REFRESH_ORG_ACCESS_TOKEN,
				new OAuth2Error("temporarily_unavailable", "no answer from Cobo", null), null,
				new ResourceAccessException("Connection refused"));
		ClientAuthorizationException refreshFailed = new ClientAuthorizationException(
				new OAuth2Error("invalid_grant"), "cobo", "Cannot refresh the token of org org-acme",
				new IllegalStateException("refresh failed", unreachable));

		ProblemDetail problem = CoboProblemDetails.forFailure(refreshFailed);

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getProperties()).containsEntry("oauth_error", "invalid_grant");
	}

	@Test
	void anAnswerHoldingNoUsableTokenIsABadGateway() {
		ClientAuthorizationException invalid = new ClientAuthorizationException(
				new OAuth2Error("invalid_token_response"), "cobo", "Cannot get the token of org org-acme: no access_token");

		ProblemDetail problem = CoboProblemDetails.forFailure(invalid);

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getProperties()).containsEntry("oauth_error", "invalid_token_response");
	}

	@Test
	void aTokenStoreThatIsDownIsABadGateway() {
		CoboTokenStoreUnavailableException down = new CoboTokenStoreUnavailableException("jdbc",
				"could not read the token of 'org-acme': Connection to db.internal:5432 refused",
				new IllegalStateException("Connection to db.internal:5432 refused"));

		ProblemDetail problem = CoboProblemDetails.forFailure(down);

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getDetail()).doesNotContain("db.internal");
		assertThat(CoboProblemDetails.describe(down)).contains("db.internal:5432");
		assertThat(problem.getProperties()).containsEntry("oauth_error", "temporarily_unavailable");
	}

	@Test
	void leavesAnAuthorizationFailureNoCoboClientRaisedAlone() {
		OAuth2AuthorizationException otherProvider = new OAuth2AuthorizationException(new OAuth2Error(
				"temporarily_unavailable", "The identity provider at https://idp.internal is down", null));

		assertThat(CoboProblemDetails.forFailure(otherProvider)).isNull();
	}

	@Test
	void aPermissionTokenCoboRefusedIsNamedSo() {
		CoboTokenException refused = coboAnswered(CoboTokenOperation.EXCHANGE_PERMISSION_TOKEN, "invalid_client",
				"HTTP 401, error_code=2023");
		ClientAuthorizationException noToken = new ClientAuthorizationException(refused.getError(), "cobo-permission",
				"Cannot get the Permission Access Token: " + refused.getMessage(), refused);

		ProblemDetail problem = CoboProblemDetails.forFailure(noToken);

		assertThat(problem.getStatus()).isEqualTo(403);
		assertThat(problem.getTitle()).isEqualTo("No Permission Access Token");
	}

	@Test
	void leavesTheTokensOfTheApplicationsOtherRegistrationsAlone() {
		ClientAuthorizationException google = new ClientAuthorizationException(new OAuth2Error("invalid_grant"),
				"google", "Cannot refresh");

		assertThat(CoboProblemDetails.forFailure(google)).isNull();
	}

	@Test
	void anAnswerWhoseSignatureDoesNotVerifyIsABadGatewayNamingTheSignature() {
		CoboResponseSignatureException unverified = new CoboResponseSignatureException(
				CoboResponseSignatureException.Reason.INVALID, HttpMethod.GET, URI.create("https://api.dev.cobo.com/v2/wallets"),
				HttpStatusCode.valueOf(200));

		ProblemDetail problem = CoboProblemDetails.forFailure(new IllegalStateException("call failed", unverified));

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getTitle()).isEqualTo("Cobo response signature invalid");
		assertThat(problem.getDetail()).contains("response signature").doesNotContain("api.dev.cobo.com");
	}

	@Test
	void leavesErrorAnswersNoCoboClientReceivedAloneWhateverTheirBody() {
		HttpClientErrorException restClient = HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found",
				HttpHeaders.EMPTY, COBO_ERROR.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		WebClientResponseException webClient = WebClientResponseException.create(404, "Not Found",
				HttpHeaders.EMPTY, COBO_ERROR.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

		assertThat(CoboProblemDetails.forFailure(restClient)).isNull();
		assertThat(CoboProblemDetails.forFailure(webClient)).isNull();
	}

	@Test
	void leavesErrorAnswersThatAreNotCobosAlone() {
		HttpServerErrorException html = HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "Bad Gateway",
				HttpHeaders.EMPTY, "<html>nginx</html>".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		WebClientResponseException otherJson = WebClientResponseException.create(400, "Bad Request",
				HttpHeaders.EMPTY, "{\"message\":\"bad\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

		assertThat(CoboProblemDetails.forFailure(html)).isNull();
		assertThat(CoboProblemDetails.forFailure(otherJson)).isNull();
	}

	@Test
	void leavesFailuresThatAreNotCobosAlone() {
		assertThat(CoboProblemDetails.forFailure(new IllegalArgumentException("bad input"))).isNull();
		assertThat(CoboProblemDetails.forFailure(new ResourceAccessException("I/O error"))).isNull();
	}

	@Test
	void survivesACauseChainThatLoops() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);

		assertThat(CoboProblemDetails.forFailure(first)).isNull();
	}

	private static CoboTokenException coboAnswered(CoboTokenOperation operation, String error, String summary) {
		return new CoboTokenException(operation, new OAuth2Error(error, "Cobo answered " + summary, null), null, null);
	}

	private static ClientAuthorizationException orgToken(String orgId, CoboTokenException cause) {
		return new ClientAuthorizationException(cause.getError(), "cobo",
				"Cannot get the Org Access Token of org " + orgId + ": " + cause.getMessage(), cause);
	}

}
