package dev.cobooauth.oauth2;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The reactive twin of {@link SingleFlightOAuth2AuthorizedClientManager}: a token that is not due
 * is served from the store; one inside the refresh margin keeps being served while one refresh
 * runs; otherwise subscribers share the single token request in flight. Flights are shared with
 * the servlet manager of the same store.
 * <p>
 * When other processes share the store, the request in flight runs inside the store's
 * {@link TokenLock}, like the servlet manager's. Taking that lock blocks, so the locked request
 * runs on Reactor's bounded elastic scheduler, never on an event loop.
 */
public final class SingleFlightReactiveOAuth2AuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

	private static final Log logger = LogFactory.getLog(SingleFlightReactiveOAuth2AuthorizedClientManager.class);

	private final ReactiveOAuth2AuthorizedClientManager delegate;

	private final ReactiveOAuth2AuthorizedClientService store;

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
	 * @param acquireTimeout how long a subscriber waits for a token request in flight
	 */
	public SingleFlightReactiveOAuth2AuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate,
			ReactiveOAuth2AuthorizedClientService store, TokenFlights flights, TokenExpiry expiry,
			Duration acquireTimeout) {
		this(delegate, store, flights, expiry, acquireTimeout, TokenLock.NONE);
	}

	/**
	 * @param delegate the manager that asks Cobo and saves the result in {@code store}
	 * @param store where the delegate keeps tokens
	 * @param flights the flights in progress, shared with other managers of the same store
	 * @param expiry decides when a token is due and when it has expired
	 * @param acquireTimeout how long a subscriber waits for a token request in flight
	 * @param lock the lock the store's processes take around a token request
	 */
	public SingleFlightReactiveOAuth2AuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate,
			ReactiveOAuth2AuthorizedClientService store, TokenFlights flights, TokenExpiry expiry,
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
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
		return this.store
			.<OAuth2AuthorizedClient>loadAuthorizedClient(request.getClientRegistrationId(),
					request.getPrincipal().getName())
			.flatMap((stored) -> servedFromStore(stored, request))
			.switchIfEmpty(Mono.defer(() -> fly(request)));
	}

	private Mono<OAuth2AuthorizedClient> servedFromStore(OAuth2AuthorizedClient stored, OAuth2AuthorizeRequest request) {
		if (!this.expiry.isDue(stored.getAccessToken())) {
			return Mono.just(stored);
		}
		if (this.expiry.isExpired(stored.getAccessToken())) {
			return Mono.empty();
		}
		if (logger.isTraceEnabled()) {
			logger.trace("Token of '" + stored.getPrincipalName() + "' expires at " + stored.getAccessToken().getExpiresAt()
					+ "; serving it while it is refreshed in the background");
		}
		TokenFlights.Flight flight = board(request);
		if (flight.leader()) {
			lead(flight, request);
		}
		return Mono.just(stored);
	}

	private Mono<OAuth2AuthorizedClient> fly(OAuth2AuthorizeRequest request) {
		if (logger.isTraceEnabled()) {
			logger.trace("No valid token for '" + request.getPrincipal().getName() + "'; waiting for one");
		}
		TokenFlights.Flight flight = board(request);
		if (flight.leader()) {
			lead(flight, request);
		}
		return Mono.fromFuture(flight.result(), true)
			.timeout(this.acquireTimeout)
			.onErrorMap(TimeoutException.class, (ex) -> new OAuth2AuthorizationException(new OAuth2Error(
					"temporarily_unavailable", "Timed out after " + this.acquireTimeout + " waiting for the token of '"
							+ request.getPrincipal().getName() + "' that another caller is requesting",
					null), ex));
	}

	private TokenFlights.Flight board(OAuth2AuthorizeRequest request) {
		return this.flights.board(request.getClientRegistrationId(), request.getPrincipal().getName());
	}

	private void lead(TokenFlights.Flight flight, OAuth2AuthorizeRequest request) {
		authorizeInLock(request).subscribe((client) -> this.flights.land(flight, client, null),
				(failure) -> this.flights.land(flight, null, failure), () -> this.flights.land(flight, null, null));
	}

	private Mono<OAuth2AuthorizedClient> authorizeInLock(OAuth2AuthorizeRequest request) {
		if (this.lock == TokenLock.NONE) {
			// Nothing to hold: stay non-blocking end to end.
			return this.delegate.authorize(request);
		}
		return Mono
			.fromCallable(() -> this.lock.inLock(request.getClientRegistrationId(), request.getPrincipal().getName(),
					() -> LockHolderThread.await(this.delegate.authorize(request))))
			.subscribeOn(Schedulers.boundedElastic());
	}

}
