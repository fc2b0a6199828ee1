/**
 * {@link dev.cobooauth.test.CoboSimulator}: an in-process, strict, programmable fake of Cobo's WaaS 2.0
 * API for tests. It checks every request the way Cobo does (signature, nonce, replay, bearer token),
 * issues and rotates tokens, serves a few deterministic wallets and transfers, signs every response,
 * and lets a test inject faults and read counters and the requests as they arrived on the wire.
 * <p>
 * The public types here are the simulator's API; the package-private ones are its parts.
 */
package dev.cobooauth.test;
