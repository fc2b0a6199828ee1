package dev.cobooauth.signing;

/**
 * A Cobo WaaS 2.0 environment, chosen with {@code cobo.env}: its base URL (with the {@code /v2}
 * prefix) and the Ed25519 public key that signs its responses and webhook deliveries.
 */
public enum CoboEnvironment {

	/** Cobo's development environment, the default. */
	DEV("https://api.dev.cobo.com/v2", "a04ea1d5fa8da71f1dcfccf972b9c4eba0a2d8aba1f6da26f49977b08a0d2718"),

	/** Cobo's sandbox environment. */
	SANDBOX("https://api.sandbox.cobo.com/v2", "893d8a6112ae22429a7453599256391d7928e16870ecab888ee3ce65febada08"),

	/** Cobo's production environment. */
	PROD("https://api.cobo.com/v2", "8d4a482641adb2a34b726f05827dba9a9653e5857469b8749052bf4458a86729");

	private final String baseUrl;

	private final String responsePublicKeyHex;

	CoboEnvironment(String baseUrl, String responsePublicKeyHex) {
		this.baseUrl = baseUrl;
		this.responsePublicKeyHex = responsePublicKeyHex;
	}

	/** @return the base URL, ending in {@code /v2}, without a trailing slash */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/** @return the hex Ed25519 key that signs this environment's responses */
	public String getResponsePublicKeyHex() {
		return this.responsePublicKeyHex;
	}

}
