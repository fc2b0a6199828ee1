package dev.cobooauth.signing;

/**
 * Thrown when key material is unusable: wrong length, not hex, not a key of the configured type.
 * The message names where the key came from (a property or a file) and never contains the key.
 */
public class InvalidCoboKeyException extends IllegalArgumentException {

	private final String source;

	/**
	 * @param source where the key came from, e.g. {@code cobo.app.private-key}
	 * @param problem what is wrong with it, without any part of the key
	 */
	public InvalidCoboKeyException(String source, String problem) {
		super(source + ": " + problem);
		this.source = source;
	}

	/** @return where the key came from, e.g. a property name or a file location */
	public String getSource() {
		return this.source;
	}

}
