package dev.cobooauth.oauth2;

import java.nio.charset.StandardCharsets;

/**
 * Token values stored as UTF-8 text, as Spring Security stores them. A value that starts like an
 * {@link AesGcmTokenValues encrypted one} is refused rather than read as a token: it would only
 * be sent to Cobo as garbage.
 */
final class PlainTokenValues implements TokenValueEncryption {

	static final PlainTokenValues INSTANCE = new PlainTokenValues();

	private PlainTokenValues() {
	}

	@Override
	public byte[] seal(String tokenValue, String binding) {
		return tokenValue.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String open(byte[] stored, String binding) {
		if (AesGcmTokenValues.looksEncrypted(stored)) {
			throw new UnreadableTokenException(
					"it is encrypted, but cobo.token-store.encryption-key is not set; set the key it was stored with");
		}
		return new String(stored, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "TokenValueEncryption.none()";
	}

}
