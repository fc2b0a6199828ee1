package dev.cobooauth.testsupport;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;

/**
 * Fixed keys for tests: the caller's app key and API key, and the key "Cobo" signs responses with.
 */
public final class TestKeys {

	/** Secret of the app key used by tests (an RFC 8032 test seed). */
	public static final String APP_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

	/** Secret of the API key used by tests. */
	public static final String API_SECRET = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

	/** Secret of a secp256k1 key used by tests. */
	public static final String SECP256K1_SECRET = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";

	/** Secret of the key the fake Cobo signs its responses with. */
	public static final String COBO_SECRET = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";

	/** AES-256 key that encrypts tokens stored with cobo.token-store.type=jdbc. */
	public static final String TOKEN_ENCRYPTION_KEY = "5f0e3c8a1b2d4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";

	/** The properties of a JDBC token store as every test uses it, with its encryption key. */
	public static final String[] JDBC_TOKEN_STORE = { "cobo.token-store.type=jdbc",
			"cobo.token-store.encryption-key=" + TOKEN_ENCRYPTION_KEY };

	private TestKeys() {
	}

	/** @return a signer for the fake Cobo's responses */
	public static CoboSigner cobo() {
		return CoboSigner.of(KeyType.ED25519, COBO_SECRET, "test");
	}

	/** @return the fake Cobo's public key, hex */
	public static String coboPublicKey() {
		return cobo().publicKeyHex();
	}

	/**
	 * @param secret a hex secret
	 * @param type its key type
	 * @return a signer for it
	 */
	public static CoboSigner signer(String secret, KeyType type) {
		return CoboSigner.of(type, secret, "test");
	}

}
