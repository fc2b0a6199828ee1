/**
 * Spring WebFlux glue for {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery}.
 */
package dev.cobooauth.webhook.reactive;
