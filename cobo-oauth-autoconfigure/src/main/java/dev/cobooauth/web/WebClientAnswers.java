package dev.cobooauth.web;

import dev.cobooauth.oauth2.CoboErrorResponse;

import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Error answers to {@code WebClient} calls. Apart from {@link CoboProblemDetails}, so that WebFlux's
 * classes are loaded only when they are on the class path.
 */
final class WebClientAnswers {

	private WebClientAnswers() {
	}

	static boolean isAnswer(Throwable failure) {
		return failure instanceof WebClientResponseException;
	}

	/**
	 * @param answer a {@link WebClientResponseException}
	 * @return what its body says, in Cobo's terms
	 */
	static CoboErrorResponse read(Throwable answer) {
		WebClientResponseException response = (WebClientResponseException) answer;
		return CoboErrorResponse.read(response.getStatusCode().value(), response.getResponseBodyAsByteArray());
	}

}
