/**
 * Web glue for an application's own endpoints: turns Cobo's failures into
 * {@code application/problem+json} answers in Spring MVC and WebFlux applications.
 * {@link dev.cobooauth.web.CoboProblemDetails} decides the problem for a failure; the starter's
 * exception handlers answer with it unless {@code cobo.problem-details.enabled} is {@code false}.
 */
@NullMarked
package dev.cobooauth.web;

import org.jspecify.annotations.NullMarked;
