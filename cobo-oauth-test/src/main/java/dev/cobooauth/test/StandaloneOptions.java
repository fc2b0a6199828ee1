package dev.cobooauth.test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cobooauth.signing.KeyType;

/**
 * The command line of the standalone simulator, each option given as {@code --name=value} at most once,
 * and the flag {@code --api-key}.
 *
 * @param port the port to listen on, 0 for a free one
 * @param clientId the client id the app is registered under
 * @param orgIds the orgs the app is installed in; the API key acts for the first
 * @param keyType the type of the app key and of the API key
 * @param apiKey whether the {@code app-args} line gives the application an API key too
 * ({@code --api-key}); without it an application that has no API key does not get one
 */
record StandaloneOptions(int port, String clientId, List<String> orgIds, KeyType keyType, boolean apiKey) {

	static final String USAGE = "Usage: java -jar cobo-oauth-simulator.jar [--port=8089] [--client-id=sim-client]"
			+ " [--org-ids=org-1,org-2] [--key-type=ed25519|secp256k1] [--api-key]";

	static final StandaloneOptions DEFAULTS = new StandaloneOptions(8089, "sim-client", List.of("org-1", "org-2"),
			KeyType.ED25519, false);

	private static final String API_KEY = "--api-key";

	/**
	 * @param args the program's arguments
	 * @return the options, each one not given at its default
	 * @throws IllegalArgumentException naming the first argument that is unknown, repeated, not of the form
	 * {@code --name=value}, or whose value is not valid
	 */
	static StandaloneOptions parse(String... args) {
		StandaloneOptions options = DEFAULTS;
		Set<String> seen = new HashSet<>();
		for (String arg : args) {
			if (arg.equals(API_KEY) || arg.startsWith(API_KEY + "=")) {
				options = options.withApiKey(arg, seen);
				continue;
			}
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("'" + arg + "' is not of the form --name=value");
			}
			String name = arg.substring(2, equals);
			String value = arg.substring(equals + 1).strip();
			if (!seen.add(name)) {
				throw new IllegalArgumentException("--" + name + " is given twice");
			}
			options = options.with(name, value);
		}
		return options;
	}

	private StandaloneOptions with(String name, String value) {
		return switch (name) {
			case "port" -> new StandaloneOptions(portOf(value), this.clientId, this.orgIds, this.keyType, this.apiKey);
			case "client-id" -> new StandaloneOptions(this.port, nonBlank(value, "--client-id"), this.orgIds,
					this.keyType, this.apiKey);
			case "org-ids" -> new StandaloneOptions(this.port, this.clientId, orgIdsOf(value), this.keyType,
					this.apiKey);
			case "key-type" -> new StandaloneOptions(this.port, this.clientId, this.orgIds, keyTypeOf(value),
					this.apiKey);
			default -> throw new IllegalArgumentException("Unknown option --" + name);
		};
	}

	private StandaloneOptions withApiKey(String arg, Set<String> seen) {
		if (!arg.equals(API_KEY)) {
			throw new IllegalArgumentException(API_KEY + " takes no value");
		}
		if (!seen.add(API_KEY.substring(2))) {
			throw new IllegalArgumentException(API_KEY + " is given twice");
		}
		return new StandaloneOptions(this.port, this.clientId, this.orgIds, this.keyType, true);
	}

	private static int portOf(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new IllegalArgumentException("--port must be a number from 0 to 65535, was '" + value + "'");
	}

	private static List<String> orgIdsOf(String value) {
		List<String> orgIds = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
		if (orgIds.stream().anyMatch(String::isEmpty)) {
			throw new IllegalArgumentException("--org-ids must be org ids separated by commas, was '" + value + "'");
		}
		return orgIds;
	}

	private static KeyType keyTypeOf(String value) {
		try {
			return KeyType.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--key-type must be ed25519 or secp256k1, was '" + value + "'");
		}
	}

	private static String nonBlank(String value, String option) {
		if (value.isEmpty()) {
			throw new IllegalArgumentException(option + " cannot be blank");
		}
		return value;
	}

}
