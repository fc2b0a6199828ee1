/**
 * Spring Boot auto-configuration: turns {@code cobo.*} properties into signers, verified and
 * authorized clients, and the starter's own token machinery.
 */
package dev.cobooauth.autoconfigure;
