package dev.cobooauth.oauth2;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The reactive twin of {@link RetryingOAuth2AccessTokenResponseClient}: waits without blocking a
 * thread.
 *
 * @param <T> the grant request it serves
 */
public final class RetryingReactiveOAuth2AccessTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements ReactiveOAuth2AccessTokenResponseClient<T> {

	private static final Log logger = LogFactory.getLog(RetryingReactiveOAuth2AccessTokenResponseClient.class);

	private final ReactiveOAuth2AccessTokenResponseClient<T> delegate;

	private final CoboTokenRetry retry;

	/**
	 * @param delegate sends one request
	 * @param retry decides whether and when to send it again
	 */
	public RetryingReactiveOAuth2AccessTokenResponseClient(ReactiveOAuth2AccessTokenResponseClient<T> delegate,
			CoboTokenRetry retry) {
		if (delegate == null || retry == null) {
			throw new IllegalArgumentException("delegate and retry cannot be null");
		}
		this.delegate = delegate;
		this.retry = retry;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(T grantRequest) {
		return Mono.defer(() -> this.delegate.getTokenResponse(grantRequest))
			.retryWhen(Retry.from((failures) -> failures.concatMap((signal) -> {
				int attempt = (int) signal.totalRetries() + 1;
				if (!(signal.failure() instanceof CoboTokenException failure)) {
					return Mono.error(signal.failure());
				}
				Duration delay = this.retry.delayAfter(failure, attempt);
				if (delay == null) {
					return Mono.error(failure);
				}
				logger.debug(failure.getOperation().getTitle() + " failed (" + failure.getError().getErrorCode()
						+ "); attempt " + (attempt + 1) + " in " + delay.toMillis() + " ms");
				return Mono.delay(delay);
			})));
	}

}
