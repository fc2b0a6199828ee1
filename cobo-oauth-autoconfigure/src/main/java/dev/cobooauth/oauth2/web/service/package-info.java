/**
 * HTTP interface glue: {@code @HttpExchange} clients that act for the organization given per call.
 */
package dev.cobooauth.oauth2.web.service;
