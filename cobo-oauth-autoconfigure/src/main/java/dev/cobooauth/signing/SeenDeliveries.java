package dev.cobooauth.signing;

import java.time.Instant;

/**
 * The deliveries accepted lately, each by the digest Cobo signed ({@code body|timestamp}), so that a
 * replayed delivery is refused whatever the spelling of its headers or the case of its signature's
 * hex. Only verified deliveries are recorded, so nobody but Cobo can fill it. Kept in this
 * instance's memory ({@link InMemorySeenDeliveries}) or in a database every instance shares
 * ({@link JdbcSeenDeliveries}). Implementations are thread-safe.
 */
interface SeenDeliveries {

	/**
	 * Records a delivery unless it is remembered already.
	 * @param signedDigest the digest of the verified delivery, as {@link SigningDigest#ofResponse}
	 * makes it
	 * @param forgetAt when it may be forgotten: its timestamp plus the tolerance plus a margin, when a
	 * replay is refused as stale anyway
	 * @param now the verification's one reading of the clock, which also checked the delivery's age
	 * @return {@code true} the first time, {@code false} for a replay
	 * @throws CoboDeliveryVerificationException with
	 * {@link CoboDeliveryVerificationException.Reason#REPLAY_CHECK_UNAVAILABLE} if it cannot tell, or
	 * {@link CoboDeliveryVerificationException.Reason#REPLAY_MEMORY_FULL} if it cannot remember one more
	 * without forgetting one still inside the window
	 */
	boolean firstSighting(byte[] signedDigest, Instant forgetAt, Instant now);

}
