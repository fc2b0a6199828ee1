/**
 * Cobo's environments: where each one lives and the key it signs its responses with.
 */
package dev.cobooauth.env;
