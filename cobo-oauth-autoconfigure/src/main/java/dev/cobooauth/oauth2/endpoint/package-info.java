/**
 * Talking to Cobo's token endpoints: the grant requests, what each one sends, how answers and
 * errors are read, and the RestClient and WebClient transports.
 */
package dev.cobooauth.oauth2.endpoint;
