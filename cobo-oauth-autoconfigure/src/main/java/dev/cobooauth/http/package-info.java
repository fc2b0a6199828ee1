/**
 * What the RestClient and WebClient glue share: the wire form of a request URI and the check of
 * Cobo's response signatures.
 */
package dev.cobooauth.http;
