/**
 * Spring Boot auto-configuration: checks the {@code cobo.*} properties once, when they are bound,
 * and turns them into signers, the token engine and the authorized and verified clients. Only the
 * properties and {@link dev.cobooauth.autoconfigure.CoboTokensBuilderCustomizer} are public.
 */
@NullMarked
package dev.cobooauth.autoconfigure;

import org.jspecify.annotations.NullMarked;
