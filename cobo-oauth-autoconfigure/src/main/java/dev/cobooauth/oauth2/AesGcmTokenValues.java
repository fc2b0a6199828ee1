package dev.cobooauth.oauth2;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Token values encrypted with AES-256-GCM (BouncyCastle). Each value gets a fresh random 96-bit
 * IV, stored in front of the ciphertext and its 128-bit tag, after a two-byte header:
 * {@code C0 01 | IV (12) | ciphertext | tag (16)}. {@code 0xC0} never starts UTF-8 text, so an
 * encrypted value is never mistaken for a plain token. The binding (registration, principal,
 * column) is authenticated as associated data: a value moved to another row does not decrypt.
 */
final class AesGcmTokenValues implements TokenValueEncryption {

	private static final byte MARKER = (byte) 0xC0;

	private static final byte VERSION = 1;

	private static final int HEADER_BYTES = 2;

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final KeyParameter key;

	private final SecureRandom random = new SecureRandom();

	AesGcmTokenValues(byte[] key) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes");
		}
		this.key = new KeyParameter(key.clone());
	}

	static boolean looksEncrypted(byte[] stored) {
		return stored.length > HEADER_BYTES && stored[0] == MARKER;
	}

	@Override
	public byte[] seal(String tokenValue, String binding) {
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] plain = tokenValue.getBytes(StandardCharsets.UTF_8);
		GCMModeCipher cipher = cipher(true, iv, binding);
		byte[] sealed = new byte[HEADER_BYTES + IV_BYTES + cipher.getOutputSize(plain.length)];
		sealed[0] = MARKER;
		sealed[1] = VERSION;
		System.arraycopy(iv, 0, sealed, HEADER_BYTES, IV_BYTES);
		int offset = HEADER_BYTES + IV_BYTES;
		int written = cipher.processBytes(plain, 0, plain.length, sealed, offset);
		try {
			cipher.doFinal(sealed, offset + written);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
		return sealed;
	}

	@Override
	public String open(byte[] stored, String binding) {
		if (!looksEncrypted(stored)) {
			throw new UnreadableTokenException("it is not encrypted: it was stored before "
					+ "cobo.token-store.encryption-key was set");
		}
		if (stored[1] != VERSION || stored.length < HEADER_BYTES + IV_BYTES + TAG_BITS / 8) {
			throw new UnreadableTokenException("it is not a value this version encrypted");
		}
		byte[] iv = Arrays.copyOfRange(stored, HEADER_BYTES, HEADER_BYTES + IV_BYTES);
		int offset = HEADER_BYTES + IV_BYTES;
		GCMModeCipher cipher = cipher(false, iv, binding);
		byte[] plain = new byte[cipher.getOutputSize(stored.length - offset)];
		int written = cipher.processBytes(stored, offset, stored.length - offset, plain, 0);
		try {
			written += cipher.doFinal(plain, written);
		}
		catch (InvalidCipherTextException ex) {
			throw new UnreadableTokenException("it does not decrypt with cobo.token-store.encryption-key: another key "
					+ "encrypted it, or it was altered", ex);
		}
		return new String(plain, 0, written, StandardCharsets.UTF_8);
	}

	private GCMModeCipher cipher(boolean encrypt, byte[] iv, String binding) {
		GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
		cipher.init(encrypt,
				new AEADParameters(this.key, TAG_BITS, iv, binding.getBytes(StandardCharsets.UTF_8)));
		return cipher;
	}

	@Override
	public String toString() {
		return "TokenValueEncryption.aesGcm([key hidden])";
	}

}
