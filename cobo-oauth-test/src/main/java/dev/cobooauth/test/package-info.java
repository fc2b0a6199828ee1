/**
 * {@link dev.cobooauth.test.CoboSimulator}: an in-process, strict, programmable fake of Cobo's WaaS 2.0
 * API for tests. It checks every request the way Cobo does (signature, nonce, replay, bearer token),
 * issues and rotates tokens, serves a few deterministic wallets and transfers, signs every response,
 * and lets a test inject faults and read counters and the requests as they arrived on the wire.
 * <p>
 * The simulator stands for Cobo, so it computes digests, checks and makes signatures with its own code,
 * written apart from the starter's: a bug on either side shows up as a refused request instead of
 * cancelling out. Of the starter it uses only the public {@code KeyType}, {@code CoboSigner} and
 * {@code InvalidCoboKeyException}.
 * <p>
 * The public types here are the simulator's API; the package-private ones are its parts.
 */
package dev.cobooauth.test;
