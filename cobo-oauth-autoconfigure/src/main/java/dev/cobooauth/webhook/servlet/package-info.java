/**
 * Spring MVC glue for {@link dev.cobooauth.webhook.VerifiedCoboDelivery @VerifiedCoboDelivery}.
 */
package dev.cobooauth.webhook.servlet;
