package dev.cobooauth.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * A Permission Access Token as a front end needs it, e.g. for Cobo's Checkout SDK: the token and
 * when it expires. {@link #toString()} shows only the first characters of the token, so the value
 * can be logged without leaking it.
 *
 * @param accessToken the token to hand to the front end
 * @param expiresAt when Cobo stops accepting it
 */
public record PermissionAccessToken(String accessToken, Instant expiresAt) {

	private static final int SHOWN_CHARACTERS = 4;

	/**
	 * @param accessToken the token to hand to the front end
	 * @param expiresAt when Cobo stops accepting it
	 */
	public PermissionAccessToken {
		if (accessToken == null || accessToken.isBlank()) {
			throw new IllegalArgumentException("accessToken cannot be empty");
		}
		if (expiresAt == null) {
			throw new IllegalArgumentException("expiresAt cannot be null");
		}
	}

	/**
	 * @param token an access token obtained from Cobo
	 * @return the same token as a Permission Access Token
	 */
	public static PermissionAccessToken of(OAuth2AccessToken token) {
		return new PermissionAccessToken(token.getTokenValue(), token.getExpiresAt());
	}

	/**
	 * @param clock the clock to read, e.g. {@code Clock.systemUTC()}
	 * @return whole seconds left until the token expires, {@code 0} once it has; what a front end
	 * expects as {@code expires_in}
	 */
	public long expiresInSeconds(Clock clock) {
		Duration left = Duration.between(clock.instant(), this.expiresAt);
		return left.isNegative() ? 0 : left.getSeconds();
	}

	@Override
	public String toString() {
		int shown = Math.min(SHOWN_CHARACTERS, this.accessToken.length() / 4);
		return "PermissionAccessToken[accessToken=" + this.accessToken.substring(0, shown) + "..., expiresAt="
				+ this.expiresAt + "]";
	}

}
