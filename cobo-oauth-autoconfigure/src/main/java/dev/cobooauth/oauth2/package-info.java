/**
 * Cobo's tokens on Spring Security's OAuth2 client machinery: the Org Access Tokens of every
 * organization that installed a Portal App ({@link dev.cobooauth.oauth2.CoboOrgAccessTokens}) and an
 * organization's Permission Access Token ({@link dev.cobooauth.oauth2.CoboPermissionTokens}), their
 * reactive faces, and naming the org of a call ({@link dev.cobooauth.oauth2.CoboOrg},
 * {@link dev.cobooauth.oauth2.CoboOrgId}). One token engine serves both stacks;
 * {@link dev.cobooauth.oauth2.CoboTokens} builds it. Cobo's grants, the token endpoint clients, the
 * single flight, the token stores and the HTTP glue are package-private.
 */
@NullMarked
package dev.cobooauth.oauth2;

import org.jspecify.annotations.NullMarked;
