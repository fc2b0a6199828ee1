package dev.cobooauth.oauth2;

import java.util.random.RandomGenerator;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Where, within a window as long as the refresh margin, each token's refresh point lies, so that
 * tokens obtained together (a warm-up, a restart, a burst of new orgs) do not all come due together.
 * The place is a fixed function of the token's value and of a salt drawn once from the injected
 * random source: the same token always has the same refresh point, and a seeded source makes tests
 * deterministic.
 */
final class RefreshSpread {

	/** Every token comes due at the start of its margin. */
	static final RefreshSpread NONE = new RefreshSpread(0, false);

	private final long salt;

	private final boolean spreads;

	private RefreshSpread(long salt, boolean spreads) {
		this.salt = salt;
		this.spreads = spreads;
	}

	/**
	 * @param random the source of the salt
	 * @return a spread whose points follow the salt drawn from it
	 */
	static RefreshSpread from(RandomGenerator random) {
		return new RefreshSpread(random.nextLong(), true);
	}

	/**
	 * @param token an access token
	 * @return where in the window its refresh point lies, from 0 (the latest) to just below 1 (the
	 * earliest)
	 */
	double of(OAuth2AccessToken token) {
		if (!this.spreads) {
			return 0;
		}
		long mixed = mix(this.salt ^ token.getTokenValue().hashCode() * 0x9E3779B97F4A7C15L);
		return (mixed >>> 11) * 0x1.0p-53;
	}

	/** SplitMix64's finalizer: every bit of the input moves every bit of the output. */
	private static long mix(long value) {
		long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
