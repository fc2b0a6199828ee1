/**
 * Cobo request signing and response verification: keys, signers, nonces, the canonical query and
 * the string to sign. This layer knows nothing of Spring Security or of any HTTP client.
 */
package dev.cobooauth.signing;
