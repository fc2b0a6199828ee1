package dev.cobooauth.oauth2;

/**
 * How token values are written to and read from the store's {@code access_token_value} and
 * {@code refresh_token_value} columns: {@link #none() as UTF-8 text}, or
 * {@link #aesGcm(byte[]) encrypted with AES-256-GCM}. Each value is bound to its row and column,
 * so a value copied elsewhere does not read.
 */
interface TokenValueEncryption {

	/**
	 * @param tokenValue the token
	 * @param binding what the value belongs to: registration, principal and column
	 * @return the bytes to store
	 */
	byte[] seal(String tokenValue, String binding);

	/**
	 * @param stored the stored bytes
	 * @param binding what the value belongs to: registration, principal and column
	 * @return the token
	 * @throws UnreadableTokenException if the bytes do not give back a token: another key, an
	 * altered value, or an encrypted value without a key
	 */
	String open(byte[] stored, String binding);

	/**
	 * @return values stored as UTF-8 text; a value that was stored encrypted does not read
	 */
	static TokenValueEncryption none() {
		return PlainTokenValues.INSTANCE;
	}

	/**
	 * @param key 32 bytes
	 * @return values stored encrypted with AES-256-GCM under this key; the array is copied
	 */
	static TokenValueEncryption aesGcm(byte[] key) {
		return new AesGcmTokenValues(key);
	}

}
