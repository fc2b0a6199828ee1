package dev.cobooauth.oauth2;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Tries a token request again after a transient failure, as {@link CoboTokenRetry} allows.
 *
 * @param <T> the grant request it serves
 */
final class RetryingOAuth2AccessTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private static final Log logger = LogFactory.getLog(RetryingOAuth2AccessTokenResponseClient.class);

	private final OAuth2AccessTokenResponseClient<T> delegate;

	private final CoboTokenRetry retry;

	/**
	 * @param delegate sends one request
	 * @param retry decides whether and when to send it again
	 */
	public RetryingOAuth2AccessTokenResponseClient(OAuth2AccessTokenResponseClient<T> delegate, CoboTokenRetry retry) {
		if (delegate == null || retry == null) {
			throw new IllegalArgumentException("delegate and retry cannot be null");
		}
		this.delegate = delegate;
		this.retry = retry;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.delegate.getTokenResponse(grantRequest);
			}
			catch (CoboTokenException ex) {
				Duration delay = this.retry.delayAfter(ex, attempt);
				if (delay == null) {
					throw ex;
				}
				logger.debug(ex.getOperation().getTitle() + " failed (" + ex.getError().getErrorCode() + "); attempt "
						+ (attempt + 1) + " in " + delay.toMillis() + " ms");
				pause(delay, ex);
			}
		}
	}

	private static void pause(Duration delay, CoboTokenException failure) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			OAuth2AuthorizationException interrupted = new OAuth2AuthorizationException(
					new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE, "Interrupted before retrying", null), ex);
			interrupted.addSuppressed(failure);
			throw interrupted;
		}
	}

}
