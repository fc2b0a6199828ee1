package dev.cobooauth.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cobooauth.signing.KeyType;

/**
 * A Portal App and an organization's API key registered with a simulator, and the {@code cobo.*}
 * properties that point the starter at that simulator with their keys. Both keys are fresh keys of
 * one type, Ed25519 unless another is asked for; the app is installed in every org given, the API key
 * acts for the first.
 * <p>
 * The properties also blank the settings of a real Cobo that the simulator has no use for (key
 * files, {@code cobo.env}), so that, put ahead of the application's own configuration, they win
 * over an {@code application.yml} written for production.
 *
 * <pre>
 * SimulatorCredentials credentials = SimulatorCredentials.register(sim, "my-client", List.of("org-1", "org-2"));
 * credentials.properties().forEach(System::setProperty);
 * </pre>
 *
 * {@link #toString()} shows no private key.
 */
public final class SimulatorCredentials {

	/**
	 * An empty value: Spring Boot binds it as if the property were absent (no key file, the default
	 * {@code cobo.env}), so it hides what a source of lower precedence sets.
	 */
	private static final String NOT_SET = "";

	private final String clientId;

	private final List<String> orgIds;

	private final Map<String, String> properties;

	private SimulatorCredentials(String clientId, List<String> orgIds, Map<String, String> properties) {
		this.clientId = clientId;
		this.orgIds = orgIds;
		this.properties = properties;
	}

	/**
	 * Generates an Ed25519 app key and an Ed25519 API key and registers them with the simulator.
	 * @param simulator the simulator, already serving
	 * @param clientId the app's client id
	 * @param orgIds the orgs the app is installed in; the API key acts for the first; at least one
	 * @return the registered credentials
	 * @throws IllegalArgumentException if the client id is blank or no org is given
	 */
	public static SimulatorCredentials register(CoboSimulator simulator, String clientId, List<String> orgIds) {
		return register(simulator, clientId, orgIds, KeyType.ED25519);
	}

	/**
	 * Generates an app key and an API key of the given type and registers them with the simulator; the
	 * properties name that type in {@code cobo.app.key-type} and {@code cobo.api-key.key-type}.
	 * @param simulator the simulator, already serving
	 * @param clientId the app's client id
	 * @param orgIds the orgs the app is installed in; the API key acts for the first; at least one
	 * @param keyType the type of both keys
	 * @return the registered credentials
	 * @throws IllegalArgumentException if the client id is blank, no org is given or the key type is null
	 */
	public static SimulatorCredentials register(CoboSimulator simulator, String clientId, List<String> orgIds,
			KeyType keyType) {
		if (simulator == null) {
			throw new IllegalArgumentException("simulator cannot be null");
		}
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be null or blank");
		}
		if (orgIds == null || orgIds.isEmpty()) {
			throw new IllegalArgumentException("orgIds must name at least one org");
		}
		if (keyType == null) {
			throw new IllegalArgumentException("keyType cannot be null");
		}
		TestKeyPair appKey = TestKeyPair.generate(keyType);
		TestKeyPair apiKey = TestKeyPair.generate(keyType);
		String keyTypeName = keyType.name().toLowerCase(Locale.ROOT);
		simulator.registerApp(clientId, appKey.publicKeyHex(), orgIds.toArray(String[]::new));
		simulator.registerApiKey(apiKey.publicKeyHex(), orgIds.get(0));
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("cobo.base-url", simulator.baseUrl());
		properties.put("cobo.env", NOT_SET);
		properties.put("cobo.response-verification.enabled", "true");
		properties.put("cobo.response-verification.public-key", simulator.responsePublicKeyHex());
		properties.put("cobo.webhook.public-key", simulator.responsePublicKeyHex());
		properties.put("cobo.app.client-id", clientId);
		properties.put("cobo.app.private-key", appKey.privateKeyHex());
		properties.put("cobo.app.private-key-location", NOT_SET);
		properties.put("cobo.app.key-type", keyTypeName);
		properties.put("cobo.api-key.private-key", apiKey.privateKeyHex());
		properties.put("cobo.api-key.private-key-location", NOT_SET);
		properties.put("cobo.api-key.key-type", keyTypeName);
		return new SimulatorCredentials(clientId, List.copyOf(orgIds),
				Collections.unmodifiableMap(properties));
	}

	/** @return the app's client id */
	public String clientId() {
		return this.clientId;
	}

	/** @return the orgs the app is installed in; the API key acts for the first */
	public List<String> orgIds() {
		return this.orgIds;
	}

	/**
	 * @return {@code cobo.base-url}, {@code cobo.response-verification.enabled} ({@code true}) and
	 * {@code public-key}, {@code cobo.webhook.public-key} (the simulator signs answers and deliveries
	 * with one key), {@code cobo.app.client-id}, {@code cobo.app.private-key},
	 * {@code cobo.app.key-type}, {@code cobo.api-key.private-key} and {@code cobo.api-key.key-type};
	 * and, empty so that they bind as absent, {@code cobo.env},
	 * {@code cobo.app.private-key-location} and {@code cobo.api-key.private-key-location};
	 * unmodifiable, holds both private keys
	 */
	public Map<String, String> properties() {
		return this.properties;
	}

	@Override
	public String toString() {
		return "SimulatorCredentials[" + this.properties.get("cobo.base-url") + ", clientId=" + this.clientId
				+ ", orgIds=" + this.orgIds + "]";
	}

}
