/**
 * Spring Boot auto-configuration: checks the {@code cobo.*} properties once, when they are bound,
 * and turns them into signers, the token engine and the authorized and verified clients. Every
 * auto-configuration of the starter is here, {@code public final} so that an application can exclude it
 * by class; besides them only the properties and
 * {@link dev.cobooauth.autoconfigure.CoboTokensBuilderCustomizer} are public. The library packages never
 * refer to this one, which assembles them through their public API.
 */
@NullMarked
package dev.cobooauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
