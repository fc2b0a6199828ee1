package dev.cobooauth.oauth2;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends each request of a {@code WebClient} with the Org Access Token of the organization it names
 * ({@link dev.cobooauth.oauth2.CoboOrg}); the reactive twin of Spring Security's
 * {@code OAuth2ClientHttpRequestInterceptor} with {@link DeadTokenRetryingInterceptor}, with the
 * same handling of dead tokens.
 */
final class CoboOrgAccessTokenExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(CoboOrgAccessTokenExchangeFilterFunction.class);

	private static final byte[] NO_BODY = new byte[0];

	private final ReactiveCoboOrgAccessTokens tokens;

	private final CoboOrgResolver orgs;

	/**
	 * @param tokens hands out each org's token
	 * @param orgs finds the org a request acts for
	 */
	public CoboOrgAccessTokenExchangeFilterFunction(ReactiveCoboOrgAccessTokens tokens, CoboOrgResolver orgs) {
		if (tokens == null || orgs == null) {
			throw new IllegalArgumentException("tokens and orgs cannot be null");
		}
		this.tokens = tokens;
		this.orgs = orgs;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.defer(() -> {
			String orgId = this.orgs.resolve(request.attributes(), request.method(), request.url().getRawPath());
			return this.tokens.getAccessToken(orgId)
				.flatMap((token) -> send(request, next, token)
					.flatMap((answer) -> afterAnswer(request, next, orgId, token, answer)));
		});
	}

	private Mono<ClientResponse> afterAnswer(ClientRequest request, ExchangeFunction next, String orgId,
			OAuth2AccessToken token, Answer answer) {
		if (!DeadTokenAnswer.isDeadToken(answer.status(), answer.body())) {
			return Mono.just(answer.response());
		}
		Mono<Void> discard = this.tokens.discard(orgId, token);
		boolean replay = DeadTokenAnswer.isReplayable(request.method());
		logger.debug(DeadTokenAnswer.describe(orgId, answer.status(), request.method(), replay));
		if (!replay) {
			// A discard that fails (store or lock unavailable) fails the call: the answer's body is
			// released first, since nobody downstream will read it.
			return discard.thenReturn(answer.response())
				.onErrorResume((failure) -> answer.response()
					.releaseBody()
					.onErrorComplete()
					.then(Mono.error(failure)));
		}
		return answer.response()
			.releaseBody()
			.then(discard)
			.then(this.tokens.getAccessToken(orgId))
			.flatMap((fresh) -> send(request, next, fresh))
			.map(Answer::response);
	}

	private static Mono<Answer> send(ClientRequest request, ExchangeFunction next, OAuth2AccessToken token) {
		ClientRequest authorized = ClientRequest.from(request)
			.headers((headers) -> headers.setBearerAuth(token.getTokenValue()))
			.build();
		return next.exchange(authorized).flatMap((response) -> {
			int status = response.statusCode().value();
			if (!DeadTokenAnswer.needsBody(status)) {
				return Mono.just(new Answer(response, status, null));
			}
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(NO_BODY)
				.map((body) -> new Answer(
						response.mutate()
							.body((consumed) -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
							.build(),
						status, body));
		});
	}

	private record Answer(ClientResponse response, int status, byte @Nullable [] body) {
	}

}
