/**
 * Cobo's tokens on Spring Security's OAuth2 client machinery: the Org Access Tokens of every
 * organization that installed the app, and Permission Access Tokens.
 */
package dev.cobooauth.oauth2;
