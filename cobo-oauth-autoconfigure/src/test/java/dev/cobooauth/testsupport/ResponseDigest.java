package dev.cobooauth.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What Cobo signs on a response or a delivery, {@code SHA-256(SHA-256(body|timestamp))}, computed
 * here with the JDK alone, apart from the starter's code, so that tests sign like Cobo does.
 */
public final class ResponseDigest {

	private ResponseDigest() {
	}

	public static byte[] of(byte[] body, String timestamp) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(body);
			sha256.update(("|" + timestamp).getBytes(StandardCharsets.UTF_8));
			return MessageDigest.getInstance("SHA-256").digest(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
