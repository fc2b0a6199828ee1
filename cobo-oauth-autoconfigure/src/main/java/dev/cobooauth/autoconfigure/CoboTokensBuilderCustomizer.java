package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.CoboTokens;

/**
 * Customizes the {@link CoboTokens.Builder} the starter builds its token engine (the bean
 * {@code coboTokens}) with, after it has applied every {@code cobo.token.*} and
 * {@code cobo.token-store.*} property: a bean of this type can set what no property sets, such as a
 * {@code TokenLock} or a token store of its own. Customizers run in their {@code @Order}.
 */
@FunctionalInterface
public interface CoboTokensBuilderCustomizer {

	/**
	 * @param builder the builder, to change in place
	 */
	void customize(CoboTokens.Builder builder);

}
