package dev.cobooauth.signing;

/**
 * The three headers that authenticate one request to Cobo.
 *
 * @param apiKey {@code BIZ-API-KEY}: the signer's public key, hex
 * @param nonce {@code BIZ-API-NONCE}: milliseconds, unique per signer
 * @param signature {@code BIZ-API-SIGNATURE}: hex signature of the request digest
 */
record CoboSignatureHeaders(String apiKey, String nonce, String signature) {

	/** Header carrying the public key. */
	public static final String API_KEY = "BIZ-API-KEY";

	/** Header carrying the nonce. */
	public static final String API_NONCE = "BIZ-API-NONCE";

	/** Header carrying the request signature. */
	public static final String API_SIGNATURE = "BIZ-API-SIGNATURE";

}
