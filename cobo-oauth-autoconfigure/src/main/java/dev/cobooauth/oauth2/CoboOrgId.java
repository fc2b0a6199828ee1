package dev.cobooauth.oauth2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of an {@code @HttpExchange} method that names the organization the call acts
 * for. The value is not sent to Cobo; it picks the org's Org Access Token. A {@code null} argument
 * names no org ({@code cobo.app.default-org} then applies); a blank one fails the call with an
 * {@link InvalidCoboOrgException}:
 * <pre>
 * &#64;GetExchange("/wallets")
 * WalletPage listWallets(&#64;CoboOrgId String orgId, &#64;RequestParam int limit);
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoboOrgId {

}
