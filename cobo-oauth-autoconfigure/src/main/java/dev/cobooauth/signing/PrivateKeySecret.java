package dev.cobooauth.signing;

import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * A 32-byte private key read from 64 hex characters, with the place it came from so that every
 * error can name it. Its {@code toString()} never shows the key.
 */
final class PrivateKeySecret {

	private static final int KEY_BYTES = 32;

	private final byte[] bytes;

	private final String source;

	private PrivateKeySecret(byte[] bytes, String source) {
		this.bytes = bytes;
		this.source = source;
	}

	/**
	 * Reads a key given as hex. Surrounding white space (a trailing newline in a key file) and a
	 * {@code 0x} prefix are allowed; anything else must be exactly 64 hex digits.
	 * @param hex the key text
	 * @param source where it came from, named in errors (e.g. {@code cobo.app.private-key})
	 * @return the key
	 * @throws InvalidCoboKeyException if the text is not a 32-byte hex key
	 */
	public static PrivateKeySecret fromHex(String hex, String source) {
		if (hex == null || hex.isBlank()) {
			throw new InvalidCoboKeyException(source, "is empty; expected 64 hex characters (a 32-byte private key)");
		}
		String text = hex.strip();
		if (text.startsWith("0x") || text.startsWith("0X")) {
			text = text.substring(2);
		}
		if (text.startsWith("-----BEGIN")) {
			throw new InvalidCoboKeyException(source,
					"is a PEM document; Cobo keys are given as 64 hex characters (the raw 32-byte private key)");
		}
		checkHexDigits(text, source);
		if (text.length() != KEY_BYTES * 2) {
			throw new InvalidCoboKeyException(source, describeWrongLength(text));
		}
		return new PrivateKeySecret(HexFormat.of().parseHex(text), source);
	}

	private static void checkHexDigits(String text, String source) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				throw new InvalidCoboKeyException(source,
						"is not hex: character " + (i + 1) + " of " + text.length() + " is not 0-9 or a-f");
			}
		}
	}

	private static String describeWrongLength(String text) {
		String hint = "";
		if (text.length() == 66 && (text.startsWith("02") || text.startsWith("03"))) {
			hint = "; it looks like a secp256k1 public key (the API key or app key), not the secret";
		}
		else if (text.length() == 128) {
			hint = "; it looks like a 64-byte Ed25519 key pair or signature, give only the 32-byte secret (seed)";
		}
		return "has " + text.length() + " hex characters; expected 64 (a 32-byte private key)" + hint;
	}

	/** @return a copy of the 32 key bytes */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	/** @return where the key came from, for error messages */
	public String source() {
		return this.source;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof PrivateKeySecret that && Arrays.equals(this.bytes, that.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "PrivateKeySecret[" + this.source + ", ******]";
	}

}
