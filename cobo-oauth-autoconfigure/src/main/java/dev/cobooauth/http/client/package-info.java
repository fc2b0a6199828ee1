/**
 * RestClient glue: interceptors that sign requests and verify Cobo's response signatures.
 */
package dev.cobooauth.http.client;
