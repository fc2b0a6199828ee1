/**
 * Cobo's signatures, without Spring Security: keys and signers ({@link dev.cobooauth.signing.CoboSigner}),
 * where Cobo is and the key it signs with ({@link dev.cobooauth.signing.CoboEndpoint}), the
 * configurers that make a {@code RestClient} or {@code WebClient} sign every request and verify
 * every response, and the verification of Cobo's webhook and callback deliveries
 * ({@link dev.cobooauth.signing.CoboDeliveryVerifier}). Nonces, the canonical query, the string to
 * sign and the BouncyCastle code behind them are package-private.
 */
@NullMarked
package dev.cobooauth.signing;

import org.jspecify.annotations.NullMarked;
