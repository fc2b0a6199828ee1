package dev.cobooauth.signing;

/**
 * Which code computes Ed25519 signatures and verifications: Amazon Corretto Crypto Provider
 * (AWS-LC, native) when the application opts in by adding it to the class path, or BouncyCastle
 * (pure Java), which is always there. Both give the same bytes: Ed25519 is deterministic.
 * secp256k1 keys always use BouncyCastle, since their signatures must be deterministic (RFC 6979)
 * and Corretto's ECDSA is randomized.
 * <p>
 * Chosen with {@code cobo.crypto.provider} in a Spring Boot application; without Spring, passed to
 * {@link CoboSigner#of(KeyType, String, String, CryptoProvider)},
 * {@link CoboEndpoint.Builder#cryptoProvider(CryptoProvider)} and
 * {@link CoboDeliveryVerifier.Builder#cryptoProvider(CryptoProvider)}, which use {@link #AUTO}
 * unless told otherwise.
 */
public enum CryptoProvider {

	/** AWS-LC when Amazon Corretto Crypto Provider is on the class path and healthy, else BouncyCastle. */
	AUTO,

	/** BouncyCastle, whatever else is on the class path. */
	BOUNCY_CASTLE,

	/** AWS-LC through Amazon Corretto Crypto Provider, which must be on the class path and healthy. */
	AWS_LC;

	/**
	 * Decides what this choice means in this JVM. Amazon Corretto Crypto Provider is looked for
	 * and checked once; later calls are cheap.
	 * @return {@link #AWS_LC} or {@link #BOUNCY_CASTLE}, never {@link #AUTO}
	 * @throws IllegalStateException for {@link #AWS_LC} when the provider is missing or unhealthy,
	 * saying which and why
	 */
	public CryptoProvider resolve() {
		return switch (this) {
			case BOUNCY_CASTLE -> BOUNCY_CASTLE;
			case AUTO -> AwsLc.probe().isUsable() ? AWS_LC : BOUNCY_CASTLE;
			case AWS_LC -> {
				AwsLc.probe().provider();
				yield AWS_LC;
			}
		};
	}

	/**
	 * Says in words what {@link #resolve()} chose and, when AWS-LC is not used, why: for a log line.
	 * @return e.g. {@code AWS-LC (Amazon Corretto Crypto Provider 2.5.0)}, or
	 * {@code BouncyCastle (Amazon Corretto Crypto Provider is not on the class path)}
	 * @throws IllegalStateException as {@link #resolve()} does
	 */
	public String describe() {
		AwsLc.Probe probe = AwsLc.probe();
		return switch (resolve()) {
			case AWS_LC -> "AWS-LC (" + probe.description() + ")";
			default -> "BouncyCastle (" + ((this == BOUNCY_CASTLE) ? "chosen" : probe.description()) + ")";
		};
	}

}
