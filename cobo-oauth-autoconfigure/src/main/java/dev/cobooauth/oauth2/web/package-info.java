/**
 * Calling WaaS for an organization: naming the org on a request, and recognising Cobo's answer to
 * a dead Org Access Token. Shared by the RestClient, WebClient and HTTP interface glue below.
 */
package dev.cobooauth.oauth2.web;
