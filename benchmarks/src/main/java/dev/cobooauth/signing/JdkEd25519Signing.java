package dev.cobooauth.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.Locale;


/**
 * The second baseline: our pipeline (nonce, canonical query, double SHA-256) with the signature made
 * by a bare JCA {@code Signature}: the JDK's own Ed25519 ({@code SunEC}), or another provider's
 * (Amazon Corretto Crypto Provider's AWS-LC) instead of the starter's signer. The key is built once
 * from the seed with the JDK's {@code KeyFactory}, and one {@code Signature} is initialized once and
 * reused, the most favourable way to use it. Not thread-safe: one per benchmark thread.
 * <p>
 * In the starter's package, as {@link RequestSigningBenchmark} is, to reuse its package-private
 * pipeline; this module is never published.
 */
final class JdkEd25519Signing {

	private final Signature signature;

	private final String publicKeyHex;

	private final NonceSource nonces = new NonceSource();

	/**
	 * @param seed the 32-byte Ed25519 seed
	 * @param publicKeyHex the matching public key, sent as {@code BIZ-API-KEY}
	 */
	JdkEd25519Signing(byte[] seed, String publicKeyHex) {
		this(seed, publicKeyHex, null);
	}

	/**
	 * @param seed the 32-byte Ed25519 seed
	 * @param publicKeyHex the matching public key, sent as {@code BIZ-API-KEY}
	 * @param provider whose {@code Signature} signs; {@code null} for the JDK's first
	 */
	JdkEd25519Signing(byte[] seed, String publicKeyHex, Provider provider) {
		try {
			PrivateKey key = KeyFactory.getInstance("Ed25519")
				.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
			this.signature = (provider != null) ? Signature.getInstance("Ed25519", provider)
					: Signature.getInstance("Ed25519");
			this.signature.initSign(key);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK has no Ed25519", ex);
		}
		this.publicKeyHex = publicKeyHex;
	}

	CoboSignatureHeaders sign(String method, String path, String rawQuery, byte[] body) {
		String nonce = Long.toString(this.nonces.next());
		byte[] digest = SigningDigest.ofRequest(method.toUpperCase(Locale.ROOT), path, nonce, CanonicalQuery.of(rawQuery),
				body);
		return new CoboSignatureHeaders(this.publicKeyHex, nonce, signDigest(digest));
	}

	String signDigest(byte[] digest) {
		try {
			this.signature.update(digest);
			return HexFormat.of().formatHex(this.signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
