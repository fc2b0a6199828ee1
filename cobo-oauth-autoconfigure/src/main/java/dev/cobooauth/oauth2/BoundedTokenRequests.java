package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Bounds how many token requests this instance sends to Cobo at once
 * ({@code cobo.token.max-concurrent-requests}), so that a mass refresh (a warm-up, tokens of many
 * orgs coming due together) never trips Cobo's rate limits. One attempt holds one permit, so a
 * request backing off before its retry holds none. A request that waits longer than the acquire
 * timeout for a permit fails with {@code temporarily_unavailable}.
 *
 * @param <T> the grant request
 */
final class BoundedTokenRequests<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private final OAuth2AccessTokenResponseClient<T> delegate;

	private final Semaphore permits;

	private final Duration timeout;

	/**
	 * @param delegate sends one token request
	 * @param permits shared by every token request of this instance
	 * @param timeout how long to wait for a permit
	 */
	BoundedTokenRequests(OAuth2AccessTokenResponseClient<T> delegate, Semaphore permits, Duration timeout) {
		this.delegate = delegate;
		this.permits = permits;
		this.timeout = timeout;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T grantRequest) {
		if (!acquire()) {
			throw new OAuth2AuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
					"Timed out after " + this.timeout + " waiting for one of the token requests this instance may "
							+ "send at once (cobo.token.max-concurrent-requests)",
					null));
		}
		try {
			return this.delegate.getTokenResponse(grantRequest);
		}
		finally {
			this.permits.release();
		}
	}

	private boolean acquire() {
		try {
			return this.permits.tryAcquire(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
