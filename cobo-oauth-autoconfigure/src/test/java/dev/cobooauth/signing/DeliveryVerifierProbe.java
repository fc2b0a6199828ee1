package dev.cobooauth.signing;

import java.time.Duration;

/**
 * Looks inside a {@link CoboDeliveryVerifier} for tests of other packages: where it remembers the
 * deliveries it accepted.
 */
public final class DeliveryVerifierProbe {

	/** How long past the tolerance a delivery is still remembered. */
	public static final Duration FORGET_MARGIN = CoboDeliveryVerifier.FORGET_MARGIN;

	private DeliveryVerifierProbe() {
	}

	/**
	 * @param verifier a verifier
	 * @return the simple name of what remembers its deliveries: {@code InMemorySeenDeliveries} or
	 * {@code JdbcSeenDeliveries}
	 */
	public static String seenDeliveries(CoboDeliveryVerifier verifier) {
		return verifier.seenDeliveries().getClass().getSimpleName();
	}

}
