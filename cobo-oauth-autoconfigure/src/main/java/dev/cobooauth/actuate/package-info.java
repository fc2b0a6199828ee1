/**
 * Spring Boot Actuator glue, used only when the application has it: the {@code cobo} health
 * contributor and the masking of Cobo's private keys in {@code /actuator/env} and
 * {@code /actuator/configprops}.
 */
package dev.cobooauth.actuate;
