package dev.cobooauth.oauth2.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * When a token is due: an access token a clock skew before it expires, a refresh token once it is
 * older than the lifetime Cobo gives refresh tokens (they carry no expiry of their own).
 */
public final class TokenExpiry {

	private final Clock clock;

	private final Duration clockSkew;

	private final Duration refreshTokenLifetime;

	/**
	 * @param clock the clock to read
	 * @param clockSkew how long before expiry an access token counts as due
	 * @param refreshTokenLifetime how long a refresh token lives after it was issued
	 */
	public TokenExpiry(Clock clock, Duration clockSkew, Duration refreshTokenLifetime) {
		if (clock == null) {
			throw new IllegalArgumentException("clock cannot be null");
		}
		if (clockSkew == null || clockSkew.isNegative()) {
			throw new IllegalArgumentException("clockSkew must be zero or positive");
		}
		if (refreshTokenLifetime == null || refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
			throw new IllegalArgumentException("refreshTokenLifetime must be positive");
		}
		this.clock = clock;
		this.clockSkew = clockSkew;
		this.refreshTokenLifetime = refreshTokenLifetime;
	}

	/**
	 * @param token an access token
	 * @return whether it expires within the clock skew, or has expired
	 */
	public boolean isDue(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt == null || !this.clock.instant().isBefore(expiresAt.minus(this.clockSkew));
	}

	/**
	 * @param token an access token
	 * @return whether it has expired, skew aside
	 */
	public boolean isExpired(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt == null || !this.clock.instant().isBefore(expiresAt);
	}

	/**
	 * @param token a refresh token, or {@code null}
	 * @return whether it exists and is younger than the refresh token lifetime
	 */
	public boolean isUsable(OAuth2RefreshToken token) {
		if (token == null) {
			return false;
		}
		Instant issuedAt = token.getIssuedAt();
		return issuedAt == null || this.clock.instant().isBefore(issuedAt.plus(this.refreshTokenLifetime));
	}

	/**
	 * The same clock and clock skew for tokens whose refresh tokens live for another time: Org
	 * refresh tokens live 30 days, Permission refresh tokens 7.
	 * @param lifetime how long a refresh token lives after it was issued
	 * @return a token expiry that differs from this one in the refresh token lifetime only
	 */
	public TokenExpiry withRefreshTokenLifetime(Duration lifetime) {
		return new TokenExpiry(this.clock, this.clockSkew, lifetime);
	}

	/** @return the clock */
	public Clock getClock() {
		return this.clock;
	}

	/** @return how long before expiry an access token counts as due */
	public Duration getClockSkew() {
		return this.clockSkew;
	}

	/** @return how long a refresh token lives after it was issued */
	public Duration getRefreshTokenLifetime() {
		return this.refreshTokenLifetime;
	}

}
