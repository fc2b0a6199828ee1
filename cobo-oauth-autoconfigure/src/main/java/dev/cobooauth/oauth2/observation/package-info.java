/**
 * Micrometer observations of Cobo's token operations: one per operation, named
 * {@value dev.cobooauth.oauth2.observation.DefaultCoboTokenObservationConvention#NAME}, with the
 * operation, its outcome and the OAuth error code as low-cardinality keys and the principal (the
 * org) as a high-cardinality key.
 */
package dev.cobooauth.oauth2.observation;
