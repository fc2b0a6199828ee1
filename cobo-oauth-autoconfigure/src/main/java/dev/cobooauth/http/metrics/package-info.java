/**
 * Micrometer meters of Cobo signatures: requests signed and responses refused. Used only when
 * Micrometer is on the classpath.
 */
package dev.cobooauth.http.metrics;
