package dev.cobooauth.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method parameter that receives the body of a Cobo webhook event or callback
 * message, only once its signature ({@code BIZ-TIMESTAMP}, {@code BIZ-RESP-SIGNATURE}, either
 * spelling, any case), the age of its timestamp ({@code cobo.webhook.tolerance}) and its novelty
 * (no replay) are verified over the raw body bytes. Otherwise the handler is not called and the
 * sender gets {@code 401 application/problem+json}. Works on Spring MVC and WebFlux.
 * <p>
 * The parameter may be a {@link dev.cobooauth.signing.CoboDelivery CoboDelivery} (body and
 * timestamp), {@code byte[]}, {@code String}, or any type the body's JSON maps to. It replaces
 * {@code @RequestBody}: the body is read once, for verification.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface VerifiedCoboDelivery {

}
