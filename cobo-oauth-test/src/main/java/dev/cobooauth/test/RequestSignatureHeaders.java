package dev.cobooauth.test;

/**
 * The names of the three headers that authenticate a request to Cobo, as the simulator reads them.
 */
final class RequestSignatureHeaders {

	/** The signer's public key, hex. */
	static final String API_KEY = "BIZ-API-KEY";

	/** Unix time in milliseconds, decimal. */
	static final String API_NONCE = "BIZ-API-NONCE";

	/** The hex signature of the request's {@link CoboDigest}. */
	static final String API_SIGNATURE = "BIZ-API-SIGNATURE";

	private RequestSignatureHeaders() {
	}

}
