package dev.cobooauth.test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live token pairs of one kind (Org Access Tokens or Permission Access Tokens). Refreshing
 * rotates: the old refresh token and its access token stop working the moment the new pair exists,
 * and of two concurrent refreshes with one token exactly one wins. Thread-safe.
 */
final class TokenLedger {

	/**
	 * One issued pair.
	 *
	 * @param owner who may use and refresh it: an app's client id, or the org of an API key
	 * @param orgId the org the pair acts for
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 * @param accessExpiresAt when the access token expires, on the simulator clock
	 * @param refreshExpiresAt when the refresh token expires, on the simulator clock
	 */
	record TokenPair(String owner, String orgId, String accessToken, String refreshToken, Instant accessExpiresAt,
			Instant refreshExpiresAt) {

		@Override
		public String toString() {
			return "TokenPair[" + this.owner + ", " + this.orgId + ", expires " + this.accessExpiresAt + "]";
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String kind;

	private final Duration accessLifetime;

	private final Duration refreshLifetime;

	private final SimulatorClock clock;

	private final Map<String, TokenPair> byAccessToken = new ConcurrentHashMap<>();

	private final Map<String, TokenPair> byRefreshToken = new ConcurrentHashMap<>();

	/**
	 * @param kind what these tokens are called in messages, e.g. {@code Org Access Token}
	 */
	TokenLedger(String kind, Duration accessLifetime, Duration refreshLifetime, SimulatorClock clock) {
		this.kind = kind;
		this.accessLifetime = accessLifetime;
		this.refreshLifetime = refreshLifetime;
		this.clock = clock;
	}

	TokenPair issue(String owner, String orgId) {
		Instant now = this.clock.now();
		TokenPair pair = new TokenPair(owner, orgId, newToken(), newToken(), now.plus(this.accessLifetime),
				now.plus(this.refreshLifetime));
		this.byAccessToken.put(pair.accessToken(), pair);
		this.byRefreshToken.put(pair.refreshToken(), pair);
		return pair;
	}

	/**
	 * @return a new pair for the same owner and org
	 * @throws RejectedRequest {@link Rejection#INVALID_GRANT} when the token is unknown, used, expired or another owner's
	 */
	TokenPair rotate(String owner, String refreshToken) {
		TokenPair pair = this.byRefreshToken.get(refreshToken);
		if (pair == null || !pair.owner().equals(owner)) {
			throw Rejection.INVALID_GRANT.because("The " + this.kind
					+ " refresh token is unknown, was already used (refresh tokens are single-use), or was revoked");
		}
		if (!this.clock.now().isBefore(pair.refreshExpiresAt())) {
			remove(pair);
			throw Rejection.INVALID_GRANT
				.because("The " + this.kind + " refresh token expired at " + pair.refreshExpiresAt());
		}
		if (!this.byRefreshToken.remove(refreshToken, pair)) {
			throw Rejection.INVALID_GRANT.because("The " + this.kind + " refresh token was already used");
		}
		this.byAccessToken.remove(pair.accessToken());
		return issue(pair.owner(), pair.orgId());
	}

	/** @return the pair of a live or expired access token, or {@code null} when it is unknown or revoked */
	TokenPair findByAccessToken(String accessToken) {
		return this.byAccessToken.get(accessToken);
	}

	/** Revokes every pair of the owner for the org, as uninstalling an app does. */
	void revoke(String owner, String orgId) {
		this.byRefreshToken.values().removeIf((pair) -> pair.owner().equals(owner) && pair.orgId().equals(orgId));
		this.byAccessToken.values().removeIf((pair) -> pair.owner().equals(owner) && pair.orgId().equals(orgId));
	}

	boolean isExpired(TokenPair pair) {
		return !this.clock.now().isBefore(pair.accessExpiresAt());
	}

	long accessLifetimeSeconds() {
		return this.accessLifetime.toSeconds();
	}

	void clear() {
		this.byAccessToken.clear();
		this.byRefreshToken.clear();
	}

	private void remove(TokenPair pair) {
		this.byRefreshToken.remove(pair.refreshToken(), pair);
		this.byAccessToken.remove(pair.accessToken(), pair);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
