package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The starter's one token engine, for both stacks: a manager that is frugal under load. A token
 * that is not due is served straight from the store, without any lock. A token inside the refresh
 * margin but not yet expired keeps being served while one refresh runs on the executor. Only when
 * there is no token, or it has really expired, do callers wait: one of them asks Cobo
 * ({@link TokenFlights}), the others share its result or its error, for at most the acquire
 * timeout. The delegate (Spring Security's manager with Cobo's providers) saves the new token
 * before any waiter goes on, so a rotated refresh token is never sent twice.
 * <p>
 * When other processes share the store, the caller that asks Cobo first takes the store's
 * {@link TokenLock} and the delegate reads the store again inside it: a token another instance has
 * just obtained is used as it is, without a second request to Cobo.
 * <p>
 * A store whose reads block (a database) is read through a copy of its tokens in this process's
 * memory ({@link LocalTokenCopies}): a token that may be served is served from the copy, without a
 * database round trip, also while it is due and its one refresh runs on the executor; that refresh
 * reads the store inside the lock, so a token another instance refreshed is picked up then, or
 * when Cobo rejects the copy ({@link #markDead}). The store is read on the caller's path only when
 * the copy is missing or has expired (less than half the clock skew left).
 * <p>
 * {@link #authorize} blocks its caller while it waits; {@link #authorizeAsync} never blocks: a
 * token in memory that may be served is served on the caller's thread, and everything that may
 * block (the token request, a database read) runs on the executor. A task the executor refuses lands its
 * flight with an error at once, so the next caller tries again; a token still servable is served
 * meanwhile. Locks are per org ({@link KeyLocks}), and every wait is bounded by the acquire timeout.
 */
final class SingleFlightOAuth2AuthorizedClientManager implements OAuth2AuthorizedClientManager {

	private static final Log logger = LogFactory.getLog(SingleFlightOAuth2AuthorizedClientManager.class);

	private final OAuth2AuthorizedClientManager delegate;

	private final TokenStore store;

	private final TokenFlights flights;

	private final TokenExpiry expiry;

	private final Duration acquireTimeout;

	private final Executor executor;

	private final RefusedPrincipals refusals;

	private final KeyLocks keyLocks;

	private final @Nullable LocalTokenCopies copies;

	/**
	 * @param delegate the manager that asks Cobo and saves the result in the store
	 * @param store where the delegate keeps tokens, and the lock of the processes sharing it
	 * @param flights the flights in progress, shared with the application's other managers
	 * @param expiry decides when a token is due and when it has expired
	 * @param acquireTimeout how long a caller waits for a token request in flight
	 * @param executor runs background refreshes, and the token requests of callers that must not
	 * block
	 */
	SingleFlightOAuth2AuthorizedClientManager(OAuth2AuthorizedClientManager delegate, TokenStore store,
			TokenFlights flights, TokenExpiry expiry, Duration acquireTimeout, Executor executor,
			RefusedPrincipals refusals) {
		this.delegate = delegate;
		this.store = store;
		this.flights = flights;
		this.expiry = expiry;
		this.acquireTimeout = acquireTimeout;
		this.executor = executor;
		this.refusals = refusals;
		this.keyLocks = new KeyLocks(acquireTimeout);
		this.copies = store.readsBlock() ? new LocalTokenCopies() : null;
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
		OAuth2AuthorizedClient cached = cached(request);
		if (cached != null) {
			return cached;
		}
		refuseIfRefusedLately(request);
		TokenFlights.Flight flight = board(request);
		if (flight.leader()) {
			return lead(flight, request);
		}
		return await(flight, request);
	}

	/**
	 * Authorizes without blocking the caller.
	 * @param request what to authorize
	 * @return completed at once, on the caller's thread, with a token in memory that may be served
	 * (for a store whose reads block, a copy that is not due or is due but not yet expired, its
	 * refresh started on the executor); otherwise completed on the executor,
	 * or by the caller that leads the flight, or at once with an error if the executor refuses the
	 * task; the caller bounds its wait with {@link #timedOut}
	 */
	CompletableFuture<@Nullable OAuth2AuthorizedClient> authorizeAsync(OAuth2AuthorizeRequest request) {
		if (this.copies != null) {
			OAuth2AuthorizedClient copy = this.copies.servable(key(request), this.expiry);
			if (copy != null) {
				return CompletableFuture.completedFuture(servable(copy, request));
			}
			return readThroughAsync(request);
		}
		OAuth2AuthorizedClient cached = cached(request);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		try {
			refuseIfRefusedLately(request);
		}
		catch (ClientAuthorizationException refused) {
			return CompletableFuture.failedFuture(refused);
		}
		TokenFlights.Flight flight = board(request);
		if (flight.leader()) {
			launch(flight, request);
		}
		// A copy, so that a caller giving up never completes the flight the others wait for.
		return flight.result().copy();
	}

	private CompletableFuture<@Nullable OAuth2AuthorizedClient> readThroughAsync(OAuth2AuthorizeRequest request) {
		try {
			return CompletableFuture.supplyAsync(() -> authorize(request), this.executor);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(refusedByExecutor(ex, request));
		}
	}

	/**
	 * Marks the stored access token of a principal dead if it is still the one Cobo rejected,
	 * keeping its refresh token: the next caller waits for one refresh instead of a new grant. A
	 * token another caller has stored meanwhile is left alone; with a store other processes share,
	 * the mark is made under their lock too.
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @param rejectedTokenValue the access token Cobo rejected
	 */
	void markDead(String registrationId, String principalName, String rejectedTokenValue) {
		TokenFlights.Key key = new TokenFlights.Key(registrationId, principalName);
		if (this.copies != null) {
			this.copies.forget(key, rejectedTokenValue);
		}
		this.keyLocks.inLock(key, () -> this.store.lock().inLock(registrationId, principalName, () -> {
			OAuth2AuthorizedClient stored = this.store.service().loadAuthorizedClient(registrationId, principalName);
			if (stored != null && stored.getAccessToken().getTokenValue().equals(rejectedTokenValue)
					&& !this.expiry.isExpired(stored.getAccessToken())) {
				this.store.service().saveAuthorizedClient(this.expiry.withDeadAccessToken(stored),
						new OrgPrincipal(principalName));
			}
			return null;
		}));
	}

	/**
	 * {@link #markDead} on the executor: it may wait for a caller that is asking Cobo.
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @param rejectedTokenValue the access token Cobo rejected
	 * @return completes once the token is marked or left alone
	 */
	CompletableFuture<Void> markDeadAsync(String registrationId, String principalName, String rejectedTokenValue) {
		try {
			return CompletableFuture.runAsync(() -> markDead(registrationId, principalName, rejectedTokenValue),
					this.executor);
		}
		catch (RejectedExecutionException ex) {
			if (!this.store.readsBlock()) {
				markDead(registrationId, principalName, rejectedTokenValue);
				return CompletableFuture.completedFuture(null);
			}
			return CompletableFuture.failedFuture(new OAuth2AuthorizationException(
					new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE, "The executor refused to forget the "
							+ "rejected token of '" + principalName + "': " + ex.getMessage(), null),
					ex));
		}
	}

	/**
	 * Lets the next caller for a principal ask Cobo at once, although Cobo refused it lately.
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 */
	void forgetRefusal(String registrationId, String principalName) {
		this.refusals.forget(new TokenFlights.Key(registrationId, principalName));
	}

	private void refuseIfRefusedLately(OAuth2AuthorizeRequest request) {
		TokenFlights.Key key = new TokenFlights.Key(request.getClientRegistrationId(), request.getPrincipal().getName());
		if (InstallationCallback.isHandled()) {
			this.refusals.forget(key);
			return;
		}
		ClientAuthorizationException refused = this.refusals.refusal(key);
		if (refused != null) {
			throw refused;
		}
	}

	/**
	 * @return the stored client if it may be served now (refreshing it in the background when it is
	 * inside its refresh margin), or {@code null} when the caller must wait for a token
	 */
	private @Nullable OAuth2AuthorizedClient cached(OAuth2AuthorizeRequest request) {
		OAuth2AuthorizedClient stored = load(request);
		if (stored == null) {
			logger.trace("No token for '" + request.getPrincipal().getName() + "'; waiting for one");
			return null;
		}
		return servable(stored, request);
	}

	/**
	 * @param stored the principal's client, from the store or this process's copy
	 * @return the client if it may be served now, having started the one refresh of a token inside
	 * its refresh margin (on the executor, never waited for here), or {@code null} when the caller
	 * must wait for a token
	 */
	private @Nullable OAuth2AuthorizedClient servable(OAuth2AuthorizedClient stored, OAuth2AuthorizeRequest request) {
		String principal = request.getPrincipal().getName();
		if (!this.expiry.isDue(stored.getAccessToken())) {
			return stored;
		}
		if (!this.expiry.isServableWhileRefreshed(stored.getAccessToken())) {
			logger.trace("Token of '" + principal + "' has expired or is about to; waiting for a new one");
			return null;
		}
		if (logger.isTraceEnabled()) {
			logger.trace("Token of '" + principal + "' expires at " + stored.getAccessToken().getExpiresAt()
					+ "; serving it while it is refreshed in the background");
		}
		TokenFlights.Flight flight = board(request);
		if (flight.leader()) {
			launch(flight, request);
		}
		return stored;
	}

	/**
	 * @return the principal's client: the copy in memory if it may be served (due or not, as the
	 * refresh a due copy starts reads the store anyway), otherwise the store's
	 */
	private @Nullable OAuth2AuthorizedClient load(OAuth2AuthorizeRequest request) {
		if (this.copies == null) {
			return this.store.service().loadAuthorizedClient(request.getClientRegistrationId(),
					request.getPrincipal().getName());
		}
		TokenFlights.Key key = key(request);
		OAuth2AuthorizedClient copy = this.copies.servable(key, this.expiry);
		if (copy != null) {
			return copy;
		}
		OAuth2AuthorizedClient stored = this.store.service().loadAuthorizedClient(key.registrationId(),
				key.principalName());
		this.copies.keep(key, stored);
		return stored;
	}

	/**
	 * Hands a flight this caller leads to the executor; a task the executor refuses lands the flight
	 * with an error at once, so that the callers waiting for it fail now and the next one tries again.
	 */
	private void launch(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			this.executor.execute(() -> leadUnwatched(flight, request));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("The executor refused to obtain the token of '" + request.getPrincipal().getName() + "': "
					+ ex.getMessage());
			this.flights.land(flight, null, refusedByExecutor(ex, request));
		}
	}

	private static OAuth2AuthorizationException refusedByExecutor(RejectedExecutionException refusal,
			OAuth2AuthorizeRequest request) {
		return new OAuth2AuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
				"The executor refused to obtain the token of '" + request.getPrincipal().getName()
						+ "' (is its queue full?): " + refusal.getMessage(),
				null), refusal);
	}

	private static TokenFlights.Key key(OAuth2AuthorizeRequest request) {
		return new TokenFlights.Key(request.getClientRegistrationId(), request.getPrincipal().getName());
	}

	private TokenFlights.Flight board(OAuth2AuthorizeRequest request) {
		return this.flights.board(request.getClientRegistrationId(), request.getPrincipal().getName());
	}

	private @Nullable OAuth2AuthorizedClient lead(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			OAuth2AuthorizedClient client = this.keyLocks.inLock(flight.key(), () -> this.store.lock()
				.inLock(request.getClientRegistrationId(), request.getPrincipal().getName(),
						() -> this.delegate.authorize(request)));
			if (this.copies != null) {
				this.copies.keep(flight.key(), client);
			}
			this.refusals.forget(flight.key());
			this.flights.land(flight, client, null);
			return client;
		}
		catch (RuntimeException | Error ex) {
			this.refusals.failed(flight.key(), ex);
			this.flights.land(flight, null, ex);
			throw ex;
		}
	}

	private void leadUnwatched(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			lead(flight, request);
		}
		catch (RuntimeException ex) {
			// Whoever waits has the error; a token still valid keeps serving, and the next caller
			// after its expiry tries again. Cobo's refusals are already logged at WARN where they happened.
			String message = "Obtaining the token of '" + request.getPrincipal().getName()
					+ "' in the background failed: " + ex.getMessage();
			if (ex instanceof ClientAuthorizationException) {
				logger.debug(message);
			}
			else {
				logger.warn(message);
			}
		}
	}

	private @Nullable OAuth2AuthorizedClient await(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		try {
			return flight.result().get(this.acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | CompletionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw timedOut(ex, request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OAuth2AuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
					"Interrupted while waiting for the token of '" + request.getPrincipal().getName() + "'", null),
					ex);
		}
	}

	/** @return how long a caller waits for a token request in flight */
	Duration acquireTimeout() {
		return this.acquireTimeout;
	}

	/**
	 * @param timeout why a caller stopped waiting
	 * @param request what it waited for
	 * @return the error it gets: {@code temporarily_unavailable}, naming the principal
	 */
	OAuth2AuthorizationException timedOut(Throwable timeout, OAuth2AuthorizeRequest request) {
		return new OAuth2AuthorizationException(new OAuth2Error(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
				"Timed out after " + this.acquireTimeout + " waiting for the token of '"
						+ request.getPrincipal().getName() + "' that another caller is requesting",
				null), timeout);
	}

	private static RuntimeException rethrow(@Nullable Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(failure);
	}

}
