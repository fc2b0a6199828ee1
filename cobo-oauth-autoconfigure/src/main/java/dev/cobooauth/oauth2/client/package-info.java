/**
 * Authorized client providers for Cobo's grants, servlet and reactive, and the services that
 * hand out an organization's Org Access Token and the API key's Permission Access Token.
 */
package dev.cobooauth.oauth2.client;
