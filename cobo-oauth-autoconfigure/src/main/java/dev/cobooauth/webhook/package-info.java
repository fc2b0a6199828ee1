/**
 * Receiving Cobo's signed webhook events and callback messages: verifying each delivery's
 * signature, the age of its timestamp and that it was not seen before, and answering
 * {@code 401 application/problem+json} when it fails. Stack-neutral; the Spring MVC and WebFlux
 * glue is in {@code servlet} and {@code reactive}.
 */
package dev.cobooauth.webhook;
