package dev.cobooauth.web;

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
	 * @return its status
	 */
	static int status(Throwable answer) {
		return ((WebClientResponseException) answer).getStatusCode().value();
	}

	/**
	 * @param answer a {@link WebClientResponseException}
	 * @return its body
	 */
	static byte[] body(Throwable answer) {
		return ((WebClientResponseException) answer).getResponseBodyAsByteArray();
	}

}
