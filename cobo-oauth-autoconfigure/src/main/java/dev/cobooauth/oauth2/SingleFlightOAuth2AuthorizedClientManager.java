package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Makes a manager frugal under load. A token that is not due is served straight from the store,
 * without any lock. A token inside the refresh margin but not yet expired keeps being served while
 * one refresh runs in the background. Only when there is no token, or it has really expired, do
 * callers wait: one of them asks Cobo ({@link TokenFlights}), the others share its result or its
 * error, for at most the acquire timeout. The delegate saves the new token before any waiter goes
 * on, so a rotated refresh token is never sent twice.
 * <p>
 * When other processes share the store, the caller that asks Cobo first takes the store's
 * {@link TokenLock} and the delegate reads the store again inside it: a token another instance
 * has just obtained is used as it is, without a second request to Cobo.
 */
public final class SingleFlightOAuth2AuthorizedClientManager implements OAuth2AuthorizedClientManager {

	private static final Log logger = LogFactory.getLog(SingleFlightOAuth2AuthorizedClientManager.class);

	private final OAuth2AuthorizedClientManager delegate;

	private final OAuth2AuthorizedClientService store;

	private final TokenFlights flights;

	private final TokenExpiry expiry;

	private final Duration acquireTimeout;

	private final TokenLock lock;

	/**
	 * A manager for a store no other process shares.
	 * @param delegate the manager that asks Cobo and saves the result in {@code store}
	 * @param store where the delegate keeps tokens
	 * @param flights the flights in progress, shared with other managers of the same store
	 * @param expiry decides when a token is due and when it has expired
	 * @param acquireTimeout how long a caller waits for a token request in flight
	 */
	public SingleFlightOAuth2AuthorizedClientManager(OAuth2AuthorizedClientManager delegate,
			OAuth2AuthorizedClientService store, TokenFlights flights, TokenExpiry expiry,
			Duration acquireTimeout) {
		this(delegate, store, flights, expiry, acquireTimeout, TokenLock.NONE);
	}

	/**
	 * @param delegate the manager that asks Cobo and saves the result in {@code store}
	 * @param store where the delegate keeps tokens
	 * @param flights the flights in progress, shared with other managers of the same store
	 * @param expiry decides when a token is due and when it has expired
	 * @param acquireTimeout how long a caller waits for a token request in flight
	 * @param lock the lock the store's processes take around a token request
	 */
	public SingleFlightOAuth2AuthorizedClientManager(OAuth2AuthorizedClientManager delegate,
			OAuth2AuthorizedClientService store, TokenFlights flights, TokenExpiry expiry,
			Duration acquireTimeout, TokenLock lock) {
		if (delegate == null || store == null || flights == null || expiry == null || lock == null) {
			throw new IllegalArgumentException("delegate, store, flights, expiry and lock cannot be null");
		}
		if (acquireTimeout == null || acquireTimeout.isNegative() || acquireTimeout.isZero()) {
			throw new IllegalArgumentException("acquireTimeout must be positive");
		}
		this.delegate = delegate;
		this.store = store;
		this.flights = flights;
		this.expiry = expiry;
		this.acquireTimeout = acquireTimeout;
		this.lock = lock;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
		String registrationId = request.getClientRegistrationId();
		String principal = request.getPrincipal().getName();
		OAuth2AuthorizedClient stored = this.store.loadAuthorizedClient(registrationId, principal);
		if (stored != null && !this.expiry.isDue(stored.getAccessToken())) {
			return stored;
		}
		if (stored != null && !this.expiry.isExpired(stored.getAccessToken())) {
			if (logger.isTraceEnabled()) {
				logger.trace("Token of '" + principal + "' expires at " + stored.getAccessToken().getExpiresAt()
						+ "; serving it while it is refreshed in the background");
			}
			refreshInBackground(request);
			return stored;
		}
		if (logger.isTraceEnabled()) {
			logger.trace(((stored != null) ? "Token of '" + principal + "' has expired" : "No token for '" + principal + "'")
					+ "; waiting for one");
		}
		return fly(request);
	}

	private void refreshInBackground(OAuth2AuthorizeRequest request) {
		TokenFlights.Flight flight = this.flights.board(request.getClientRegistrationId(),
				request.getPrincipal().getName());
		if (flight.leader()) {
			this.flights.inBackground(() -> leadUnwatched(flight, request));
		}
	}

	private OAuth2AuthorizedClient fly(OAuth2AuthorizeRequest request) {
		TokenFlights.Flight flight = this.flights.board(request.getClientRegistrationId(),
				request.getPrincipal().getName());
		if (flight.leader()) {
			return lead(flight, request);
		}
		return await(flight, request);
	}

	private OAuth2AuthorizedClient lead(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			OAuth2AuthorizedClient client = this.lock.inLock(request.getClientRegistrationId(),
					request.getPrincipal().getName(), () -> this.delegate.authorize(request));
			this.flights.land(flight, client, null);
			return client;
		}
		catch (RuntimeException | Error ex) {
			this.flights.land(flight, null, ex);
			throw ex;
		}
	}

	private void leadUnwatched(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			lead(flight, request);
		}
		catch (RuntimeException ex) {
			// The stored token is still valid; the next caller after its expiry tries again.
			logger.warn("Background refresh of the token of '" + request.getPrincipal().getName() + "' failed: "
					+ ex.getMessage());
		}
	}

	private OAuth2AuthorizedClient await(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			return flight.result().get(this.acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | CompletionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new OAuth2AuthorizationException(new OAuth2Error("temporarily_unavailable",
					"Timed out after " + this.acquireTimeout + " waiting for the token of '"
							+ request.getPrincipal().getName() + "' that another caller is requesting",
					null), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OAuth2AuthorizationException(new OAuth2Error("temporarily_unavailable",
					"Interrupted while waiting for the token of '" + request.getPrincipal().getName() + "'", null),
					ex);
		}
	}

	private static RuntimeException rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(failure);
	}

}
