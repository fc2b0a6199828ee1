package dev.cobooauth.signing;

import java.io.IOException;
import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Leaves a {@link CoboCallFailure} on what the Cobo clients throw: an interceptor (or filter) that
 * runs first marks any failure raised further down the chain, and a default status handler marks
 * the exception of an error answer, with whether Cobo signed it. The exception types stay Spring's,
 * so an application's {@code catch (HttpClientErrorException.NotFound ex)} works as before.
 */
final class CoboCallFailures {

	private static final DefaultResponseErrorHandler ERRORS = new DefaultResponseErrorHandler();

	private CoboCallFailures() {
	}

	/**
	 * @param verifying whether the client verifies response signatures
	 * @return the status handler of error answers for a {@code RestClient}
	 */
	static RestClient.ResponseSpec.ErrorHandler restClientAnswers(boolean verifying) {
		return (request, response) -> {
			try {
				ERRORS.handleError(request.getURI(), request.getMethod(), response);
			}
			catch (RestClientResponseException ex) {
				throw CoboCallFailure.mark(ex, call(request.getMethod(), request.getURI()),
						verifying && signed(response.getHeaders()));
			}
		};
	}

	/** @return whether a status is an error answer */
	static boolean isError(HttpStatusCode status) {
		return status.isError();
	}

	static boolean signed(HttpHeaders headers) {
		// The verifying interceptor or filter refused an answer whose signature did not verify.
		return CoboResponseSignatureHeaders.signature(headers) != null;
	}

	static String call(HttpMethod method, URI uri) {
		return method + " " + uri.getRawPath();
	}

	/** Marks what the rest of a {@code RestClient}'s chain throws. */
	static final class Interceptor implements ClientHttpRequestInterceptor {

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			try {
				return execution.execute(request, body);
			}
			catch (RuntimeException ex) {
				throw CoboCallFailure.mark(ex, call(request.getMethod(), request.getURI()), false);
			}
		}

	}

	/**
	 * Marks what the rest of a {@code WebClient}'s chain emits as an error. Apart, with the status
	 * handler of error answers, so that WebFlux's classes are loaded only when a WebClient is used.
	 */
	static final class Filter implements ExchangeFilterFunction {

		/**
		 * @param verifying whether the client verifies response signatures
		 * @param response an error answer
		 * @return its exception, marked
		 */
		static Mono<? extends Throwable> answer(boolean verifying, ClientResponse response) {
			boolean signed = verifying && signed(response.headers().asHttpHeaders());
			String call = call(response.request().getMethod(), response.request().getURI());
			return response.createException().map((ex) -> CoboCallFailure.mark(ex, call, signed));
		}

		@Override
		public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
			return Mono.defer(() -> next.exchange(request))
				.doOnError(RuntimeException.class,
						(ex) -> CoboCallFailure.mark(ex, call(request.method(), request.url()), false));
		}

	}

}
