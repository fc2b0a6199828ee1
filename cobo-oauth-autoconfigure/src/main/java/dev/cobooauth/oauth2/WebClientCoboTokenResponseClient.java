package dev.cobooauth.oauth2;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

import dev.cobooauth.signing.CoboResponseSignatureException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Obtains tokens from Cobo over a {@link WebClient} that signs requests and verifies responses
 * (see {@link dev.cobooauth.signing.CoboWebClientConfigurer}); the reactive twin of
 * {@link RestClientCoboTokenResponseClient}.
 *
 * @param <T> the grant request it serves
 */
public final class WebClientCoboTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements ReactiveOAuth2AccessTokenResponseClient<T> {

	private static final byte[] NO_BODY = new byte[0];

	private final WebClient webClient;

	private final Function<T, CoboTokenRequest> requests;

	private final CoboTokenResponseReader reader = new CoboTokenResponseReader(Clock.systemUTC());

	/**
	 * @param webClient a client that signs with the right key and verifies Cobo's signatures
	 * @param requests what a grant request sends, e.g. {@link CoboTokenRequests#orgImplicit}
	 */
	public WebClientCoboTokenResponseClient(WebClient webClient, Function<T, CoboTokenRequest> requests) {
		if (webClient == null) {
			throw new IllegalArgumentException("webClient cannot be null");
		}
		if (requests == null) {
			throw new IllegalArgumentException("requests cannot be null");
		}
		this.webClient = webClient;
		this.requests = requests;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(T grantRequest) {
		return Mono.defer(() -> {
			CoboTokenRequest request = this.requests.apply(grantRequest);
			WebClient.RequestBodySpec call = this.webClient.method(request.method())
				.uri(URI.create(request.uri()))
				.accept(MediaType.APPLICATION_JSON);
			if (request.jsonBody() != null) {
				call.contentType(MediaType.APPLICATION_JSON).bodyValue(CoboTokenRequestBody.of(request));
			}
			return call
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(NO_BODY)
					.map((body) -> this.reader.read(request, response.statusCode().value(),
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), body)))
				.onErrorMap(CoboResponseSignatureException.class,
						(ex) -> CoboTokenErrors.invalidResponse(request.operation(), ex.getMessage(), ex))
				.onErrorMap(WebClientRequestException.class,
						(ex) -> CoboTokenErrors.unreachable(request.operation(), ex));
		});
	}

}
