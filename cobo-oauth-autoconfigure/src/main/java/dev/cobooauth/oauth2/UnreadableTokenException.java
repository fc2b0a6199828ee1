package dev.cobooauth.oauth2;

/**
 * A stored token value that cannot be turned back into a token: it was encrypted under another
 * key, altered, or is encrypted while no key is configured (or the other way round). The message
 * says which, and never contains a key or a token.
 */
class UnreadableTokenException extends RuntimeException {

	/**
	 * @param message why the value cannot be read
	 */
	public UnreadableTokenException(String message) {
		super(message);
	}

	/**
	 * @param message why the value cannot be read
	 * @param cause the underlying failure
	 */
	public UnreadableTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
