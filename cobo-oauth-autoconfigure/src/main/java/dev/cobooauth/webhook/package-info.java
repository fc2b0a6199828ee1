/**
 * Receiving Cobo's signed webhook events and callback messages in Spring MVC and WebFlux handlers:
 * a {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery} parameter is only
 * ever bound to a delivery that {@link dev.cobooauth.signing.CoboDeliveryVerifier} accepted, and a
 * refused one is answered {@code 401 application/problem+json}.
 */
@NullMarked
package dev.cobooauth.webhook;

import org.jspecify.annotations.NullMarked;
