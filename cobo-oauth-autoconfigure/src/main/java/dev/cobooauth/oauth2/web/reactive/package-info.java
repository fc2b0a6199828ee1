/**
 * WebClient glue for Org Access Tokens.
 */
package dev.cobooauth.oauth2.web.reactive;
