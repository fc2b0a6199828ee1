package dev.cobooauth.test;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.cobooauth.signing.KeyType;

/**
 * The keys the simulator knows and the orgs each app is installed in. Thread-safe.
 */
final class Registrations {

	/** A registered public key: how to verify its signatures and whom it identifies. */
	record RegisteredKey(SignatureVerifier verifier, Caller caller) {
	}

	private final Map<String, RegisteredKey> keys = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> installations = new ConcurrentHashMap<>();

	synchronized void registerApp(String clientId, String appPublicKeyHex, String... installedOrgIds) {
		requireText(clientId, "clientId");
		Caller app = new Caller.App(clientId);
		SignatureVerifier verifier = verifierFor(appPublicKeyHex, "app key of client '" + clientId + "'");
		checkNotTaken(verifier, app);
		this.keys.values().removeIf((key) -> key.caller().equals(app));
		this.keys.put(verifier.publicKeyHex(), new RegisteredKey(verifier, app));
		Set<String> orgs = ConcurrentHashMap.newKeySet();
		for (String orgId : installedOrgIds) {
			orgs.add(requireText(orgId, "installedOrgIds element"));
		}
		this.installations.put(clientId, orgs);
	}

	synchronized void registerApiKey(String apiPublicKeyHex, String orgId) {
		requireText(orgId, "orgId");
		Caller apiKey = new Caller.ApiKey(orgId);
		SignatureVerifier verifier = verifierFor(apiPublicKeyHex, "API key of org '" + orgId + "'");
		checkNotTaken(verifier, apiKey);
		this.keys.put(verifier.publicKeyHex(), new RegisteredKey(verifier, apiKey));
	}

	void install(String clientId, String orgId) {
		installedOrgsOf(clientId).add(requireText(orgId, "orgId"));
	}

	void uninstall(String clientId, String orgId) {
		installedOrgsOf(clientId).remove(orgId);
	}

	boolean isInstalled(String clientId, String orgId) {
		Set<String> orgs = this.installations.get(clientId);
		return orgs != null && orgs.contains(orgId);
	}

	/** @return the key, or {@code null} when it is not registered */
	RegisteredKey find(String publicKeyHex) {
		return this.keys.get(publicKeyHex.strip().toLowerCase(Locale.ROOT));
	}

	synchronized void clear() {
		this.keys.clear();
		this.installations.clear();
	}

	private Set<String> installedOrgsOf(String clientId) {
		Set<String> orgs = this.installations.get(clientId);
		if (orgs == null) {
			throw new IllegalStateException("No app with client id '" + clientId + "' is registered; call registerApp first");
		}
		return orgs;
	}

	private void checkNotTaken(SignatureVerifier verifier, Caller newOwner) {
		RegisteredKey existing = this.keys.get(verifier.publicKeyHex());
		if (existing != null && !existing.caller().equals(newOwner)) {
			throw new IllegalArgumentException("Public key " + verifier.publicKeyHex() + " is already registered as "
					+ existing.caller().describe());
		}
	}

	/** The key type follows from the length: 32 bytes is Ed25519, a 33-byte compressed point is secp256k1. */
	private static SignatureVerifier verifierFor(String publicKeyHex, String source) {
		String hex = requireText(publicKeyHex, source).strip().toLowerCase(Locale.ROOT);
		KeyType keyType = switch (hex.length()) {
			case 64 -> KeyType.ED25519;
			case 66 -> KeyType.SECP256K1;
			default -> throw new IllegalArgumentException(source + " has " + hex.length()
					+ " hex characters; expected 64 (Ed25519) or 66 (secp256k1 compressed point)");
		};
		return SignatureVerifier.of(keyType, hex, source);
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " cannot be null or blank");
		}
		return value;
	}

}
