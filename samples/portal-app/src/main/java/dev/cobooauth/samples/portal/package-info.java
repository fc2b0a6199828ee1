/**
 * The portal sample: a Cobo Portal App on Spring MVC that calls WaaS for each org that installed it.
 */
package dev.cobooauth.samples.portal;
