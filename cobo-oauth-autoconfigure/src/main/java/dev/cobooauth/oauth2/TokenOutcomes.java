package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The latest outcome of obtaining a token, per registration and principal (org), as this
 * application instance saw it: when a token was last obtained and until when it is valid, when
 * obtaining one last failed and with which OAuth error code. Fed by the starter's managers; read by
 * the {@code cobo} health contributor. Holds no token.
 */
final class TokenOutcomes {

	private final RecentlySeen<Key, TokenOutcome> outcomes;

	private final Clock clock;

	/**
	 * @param clock dates the outcomes
	 * @param capacity how many principals are remembered at most, the least recently seen forgotten
	 * first; stored tokens are not affected
	 */
	TokenOutcomes(Clock clock, int capacity) {
		this.clock = clock;
		this.outcomes = new RecentlySeen<>(capacity);
	}

	/**
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @param token the token just obtained; only its expiry is kept
	 */
	public void succeeded(String registrationId, String principalName, OAuth2AccessToken token) {
		Instant now = this.clock.instant();
		this.outcomes.compute(new Key(registrationId, principalName),
				(key, previous) -> new TokenOutcome(now, token.getExpiresAt(),
						(previous != null) ? previous.lastFailure() : null,
						(previous != null) ? previous.lastErrorCode() : null, false));
	}

	/**
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @param error why no token could be obtained
	 */
	public void failed(String registrationId, String principalName, OAuth2Error error) {
		Instant now = this.clock.instant();
		this.outcomes.compute(new Key(registrationId, principalName),
				(key, previous) -> new TokenOutcome((previous != null) ? previous.lastSuccess() : null,
						(previous != null) ? previous.expiresAt() : null, now, error.getErrorCode(), true));
	}

	/**
	 * @param registrationId the registration
	 * @param principalName the principal (the org)
	 * @return the latest outcome, or {@code null} when this instance never tried
	 */
	public @Nullable TokenOutcome get(String registrationId, String principalName) {
		return this.outcomes.get(new Key(registrationId, principalName));
	}

	/**
	 * @param registrationId the registration
	 * @return the principals (orgs) this instance tried to obtain a token for, sorted
	 */
	public Set<String> principals(String registrationId) {
		Set<String> principals = new TreeSet<>();
		for (Key key : this.outcomes.keys()) {
			if (key.registrationId().equals(registrationId)) {
				principals.add(key.principalName());
			}
		}
		return principals;
	}

	/**
	 * The latest outcome for one principal.
	 *
	 * @param lastSuccess when a token was last obtained, or {@code null}
	 * @param expiresAt when that token expires, or {@code null}
	 * @param lastFailure when obtaining a token last failed, or {@code null}
	 * @param lastErrorCode the OAuth error code of that failure, or {@code null}
	 * @param lastAttemptFailed whether the latest attempt is that failure
	 */
	public record TokenOutcome(@Nullable Instant lastSuccess, @Nullable Instant expiresAt, @Nullable Instant lastFailure,
			@Nullable String lastErrorCode, boolean lastAttemptFailed) {
	}

	private record Key(String registrationId, String principalName) {
	}

}
