package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The principals (orgs) Cobo lately refused a token with an OAuth error, such as an org that has
 * not installed the app: for the backoff after a refusal, calls for that principal fail at once with
 * the same error, without asking Cobo, so that org ids taken from user input cannot make the
 * application ask Cobo again and again. A transient failure (no answer, 5XX, a rate limit) is never
 * remembered. At most a bounded number of principals is remembered, the least recently seen
 * forgotten first.
 */
final class RefusedPrincipals {

	/** OAuth error codes that say nothing about whether Cobo would give the principal a token. */
	private static final Set<String> NOT_REFUSALS = Set.of(CoboTokenErrors.TEMPORARILY_UNAVAILABLE,
			CoboTokenErrors.INVALID_TOKEN_RESPONSE, "server_error");

	private final Clock clock;

	private final Duration backoff;

	private final RecentlySeen<TokenFlights.Key, Refusal> refusals;

	/**
	 * @param clock dates the refusals
	 * @param backoff how long a refusal is answered without asking Cobo; zero to ask every time
	 * @param capacity how many principals are remembered at most
	 */
	RefusedPrincipals(Clock clock, Duration backoff, int capacity) {
		this.clock = clock;
		this.backoff = backoff;
		this.refusals = new RecentlySeen<>(capacity);
	}

	/**
	 * Remembers a refusal, if the failure is one.
	 * @param key the registration and principal
	 * @param failure why no token could be had
	 */
	void failed(TokenFlights.Key key, Throwable failure) {
		if (this.backoff.isZero() || !(failure instanceof ClientAuthorizationException refused)
				|| NOT_REFUSALS.contains(refused.getError().getErrorCode())) {
			return;
		}
		this.refusals.put(key, new Refusal(refused, this.clock.instant().plus(this.backoff)));
	}

	/**
	 * @param key the registration and principal
	 * @return the error to fail with at once, or {@code null} when Cobo may be asked
	 */
	@Nullable ClientAuthorizationException refusal(TokenFlights.Key key) {
		Refusal refusal = this.refusals.get(key);
		if (refusal == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(refusal.until())) {
			this.refusals.remove(key);
			return null;
		}
		OAuth2Error error = refusal.failure().getError();
		return new ClientAuthorizationException(error, refusal.failure().getClientRegistrationId(),
				refusal.failure().getMessage() + " (not asking Cobo again for '" + key.principalName() + "' until "
						+ refusal.until() + ")",
				refusal.failure());
	}

	/**
	 * Forgets a refusal, e.g. once the org has installed the app.
	 * @param key the registration and principal
	 */
	void forget(TokenFlights.Key key) {
		this.refusals.remove(key);
	}

	private record Refusal(ClientAuthorizationException failure, Instant until) {
	}

}
