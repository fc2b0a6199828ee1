/**
 * The checkout sample: a Spring WebFlux backend that calls WaaS for each org with {@code coboWebClient}.
 */
package dev.cobooauth.samples.checkout;
