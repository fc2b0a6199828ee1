package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * When a token is due: an access token between twice the clock skew and the clock skew before it
 * expires, each token at its own point of that window ({@link RefreshSpread}), so that tokens
 * obtained together come due apart; a refresh token once it is older than the lifetime Cobo gives
 * refresh tokens (they carry no expiry of their own). New tokens are dated by the same clock
 * ({@link #stamp}), so a clock injected in tests governs both.
 */
final class TokenExpiry {

	private final Clock clock;

	private final Duration clockSkew;

	private final Duration refreshTokenLifetime;

	private final RefreshSpread spread;

	/**
	 * @param clock the clock to read
	 * @param clockSkew how long before expiry an access token counts as due
	 * @param refreshTokenLifetime how long a refresh token lives after it was issued
	 */
	public TokenExpiry(Clock clock, Duration clockSkew, Duration refreshTokenLifetime) {
		this(clock, clockSkew, refreshTokenLifetime, RefreshSpread.NONE);
	}

	/**
	 * @param clock the clock to read
	 * @param clockSkew how long before expiry an access token counts as due at the latest
	 * @param refreshTokenLifetime how long a refresh token lives after it was issued
	 * @param spread how much earlier, up to another clock skew, each token counts as due
	 */
	TokenExpiry(Clock clock, Duration clockSkew, Duration refreshTokenLifetime, RefreshSpread spread) {
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
		this.spread = spread;
	}

	/**
	 * @param token an access token
	 * @return whether it has reached its refresh point (between twice the clock skew and the clock
	 * skew before it expires), or has expired
	 */
	public boolean isDue(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return true;
		}
		long earlierMillis = (long) (this.clockSkew.toMillis() * this.spread.of(token));
		return !this.clock.instant().isBefore(expiresAt.minus(this.clockSkew).minusMillis(earlierMillis));
	}

	/**
	 * @param token an access token that is due
	 * @return whether it may still be handed out while it is refreshed: it has more than half the
	 * clock skew left, so that a call that takes it still reaches Cobo before it expires
	 */
	public boolean isServableWhileRefreshed(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt.minus(this.clockSkew.dividedBy(2)));
	}

	/**
	 * @param client a stored client whose access token Cobo rejected
	 * @return the same client with an access token that has expired now, its refresh token kept, so
	 * that the next caller refreshes it instead of asking for a new grant
	 */
	public OAuth2AuthorizedClient withDeadAccessToken(OAuth2AuthorizedClient client) {
		Instant now = this.clock.instant();
		OAuth2AccessToken token = client.getAccessToken();
		// At least a millisecond apart, so that a store keeping microseconds never rounds them together.
		Instant latestIssuedAt = now.minusMillis(1);
		Instant issuedAt = (token.getIssuedAt() != null && token.getIssuedAt().isBefore(latestIssuedAt))
				? token.getIssuedAt() : latestIssuedAt;
		OAuth2AccessToken dead = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), issuedAt, now,
				token.getScopes());
		return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(), dead,
				client.getRefreshToken());
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
	public boolean isUsable(@Nullable OAuth2RefreshToken token) {
		if (token == null) {
			return false;
		}
		Instant issuedAt = token.getIssuedAt();
		return issuedAt == null || this.clock.instant().isBefore(issuedAt.plus(this.refreshTokenLifetime));
	}

	/**
	 * @param current the stored client, or {@code null}
	 * @return whether a token must be obtained with a grant that needs no refresh token: there is
	 * none, or it is due and its refresh token is unusable
	 */
	public boolean needsInitialGrant(@Nullable OAuth2AuthorizedClient current) {
		return current == null || (isDue(current.getAccessToken()) && !isUsable(current.getRefreshToken()));
	}

	/**
	 * Dates a newly obtained client by this clock: issued now, expiring after the lifetime Cobo gave
	 * it. Spring Security dates token responses by the system clock, which an injected clock would
	 * contradict.
	 * @param client a client just obtained from Cobo
	 * @return the same tokens, dated by this clock
	 */
	public OAuth2AuthorizedClient stamp(OAuth2AuthorizedClient client) {
		Instant now = this.clock.instant();
		OAuth2AccessToken token = client.getAccessToken();
		Duration lifetime = Duration.between(token.getIssuedAt(), token.getExpiresAt());
		OAuth2AccessToken dated = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(), now,
				now.plus(lifetime), token.getScopes());
		OAuth2RefreshToken refreshToken = (client.getRefreshToken() != null)
				? new OAuth2RefreshToken(client.getRefreshToken().getTokenValue(), now) : null;
		return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(), dated,
				refreshToken);
	}

	/**
	 * The same clock and clock skew for tokens whose refresh tokens live for another time: Org
	 * refresh tokens live 30 days, Permission refresh tokens 7.
	 * @param lifetime how long a refresh token lives after it was issued
	 * @return a token expiry that differs from this one in the refresh token lifetime only
	 */
	public TokenExpiry withRefreshTokenLifetime(Duration lifetime) {
		return new TokenExpiry(this.clock, this.clockSkew, lifetime, this.spread);
	}

	/** @return the clock */
	public Clock getClock() {
		return this.clock;
	}

	/** @return how long before expiry an access token counts as due at the latest */
	public Duration getClockSkew() {
		return this.clockSkew;
	}

	/** @return how long a refresh token lives after it was issued */
	public Duration getRefreshTokenLifetime() {
		return this.refreshTokenLifetime;
	}

}
