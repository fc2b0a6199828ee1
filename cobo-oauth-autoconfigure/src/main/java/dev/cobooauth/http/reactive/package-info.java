/**
 * WebClient glue: filters that sign the exact bytes written to the connection and verify Cobo's
 * response signatures.
 */
package dev.cobooauth.http.reactive;
