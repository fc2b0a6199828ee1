package dev.cobooauth.oauth2;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;

/**
 * The reactive face of the one token engine ({@link SingleFlightOAuth2AuthorizedClientManager}):
 * no second implementation of acquisition, refresh, single flight or locking. A token that is cached
 * in memory is emitted on the subscriber's thread, with no scheduler hop; a subscriber that must
 * wait for a token waits without blocking any thread, for at most the acquire timeout, while the
 * token request runs on the engine's executor.
 */
final class SingleFlightReactiveOAuth2AuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

	private final SingleFlightOAuth2AuthorizedClientManager engine;

	SingleFlightReactiveOAuth2AuthorizedClientManager(SingleFlightOAuth2AuthorizedClientManager engine) {
		this.engine = engine;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
		return Mono.defer(() -> {
			CompletableFuture<@Nullable OAuth2AuthorizedClient> result = this.engine.authorizeAsync(request);
			if (result.isDone() && !result.isCompletedExceptionally()) {
				return Mono.justOrEmpty(result.join());
			}
			return Mono.fromFuture(result, true)
				.timeout(this.engine.acquireTimeout())
				.onErrorMap(TimeoutException.class, (timeout) -> this.engine.timedOut(timeout, request));
		});
	}

}
