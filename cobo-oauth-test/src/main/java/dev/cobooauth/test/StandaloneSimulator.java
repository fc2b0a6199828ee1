package dev.cobooauth.test;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.cobooauth.signing.KeyType;

/**
 * The simulator as a program, the main class of {@code cobo-oauth-simulator.jar}: a Cobo for an
 * application that runs as a process of its own, several instances of one application, or a client
 * that is not written in Java.
 *
 * <pre>
 * java -jar cobo-oauth-simulator.jar [--port=8089] [--client-id=sim-client] [--org-ids=org-1,org-2] [--key-type=ed25519|secp256k1] [--api-key]
 * </pre>
 *
 * It listens on {@code 127.0.0.1} and the port, generates an app key installed in the orgs and an API
 * key for the first org, registers them, and prints a line {@code app-args: --cobo.base-url=...} with
 * the {@code cobo.*} arguments that point an application at it, private keys included: they are
 * throwaway keys that exist only in this process. The arguments blank the key locations
 * ({@code cobo.app.private-key-location=}), so that they work as printed in an application whose
 * {@code application.yml} names its key files; the API key's arguments are printed only with
 * {@code --api-key}, so that an application without one does not get one; the webhook key only when
 * the simulator signs deliveries with another key than its answers. Then it prints one line per request: the time, the
 * method, the path and query as received, the status, and for a refused request the
 * {@link Rejection} and its {@code error_code}; never a header, a body, a token or a signature.
 * {@code POST /admin/deliveries?url=<application endpoint>} delivers its body to the application as a
 * webhook event or callback, signed afresh each time ({@link AdminDeliveries}). It
 * stops on Ctrl-C (or any signal that ends the JVM normally). An argument it does not know stops it
 * with the usage line and exit status 2; {@code --help} prints the usage line.
 */
final class StandaloneSimulator {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	/** The properties of the app key an application needs beyond its defaults, in the order they are printed. */
	private static final List<String> APP_PROPERTIES = List.of("cobo.base-url", "cobo.response-verification.public-key",
			"cobo.app.client-id", "cobo.app.private-key", "cobo.app.private-key-location");

	private static final List<String> API_KEY_PROPERTIES = List.of("cobo.api-key.private-key",
			"cobo.api-key.private-key-location");

	private static final String WEBHOOK_KEY = "cobo.webhook.public-key";

	/** Characters a shell passes on as they are; a value with any other is quoted. */
	private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]*");

	private StandaloneSimulator() {
	}

	/**
	 * Starts the simulator and serves until the JVM is stopped.
	 * @param args {@code --port=}, {@code --client-id=}, {@code --org-ids=} and {@code --key-type=}, each
	 * at most once, or {@code --help}
	 * @throws InterruptedException if the main thread is interrupted while it waits for the end
	 */
	public static void main(String[] args) throws InterruptedException {
		if (Arrays.asList(args).contains("--help")) {
			System.out.println(StandaloneOptions.USAGE);
			return;
		}
		StandaloneOptions options;
		try {
			options = StandaloneOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(StandaloneOptions.USAGE);
			System.exit(2);
			return;
		}
		CoboSimulator simulator;
		try {
			simulator = start(options, System.out);
		}
		catch (UncheckedIOException ex) {
			System.err.println("Cannot listen on 127.0.0.1:" + options.port() + ": " + ex.getCause().getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			System.out.println("Cobo simulator stopped");
			stopped.countDown();
		}, "cobo-simulator-shutdown"));
		stopped.await();
	}

	/**
	 * Starts a simulator as the program does: registers the keys, prints where it listens and the
	 * {@code app-args} line, and then a line for every request it answers.
	 * @param options the parsed command line
	 * @param out where the lines go
	 * @return the simulator, serving; closing it stops it
	 * @throws UncheckedIOException if the port cannot be opened
	 */
	static CoboSimulator start(StandaloneOptions options, PrintStream out) {
		CoboSimulator simulator = CoboSimulator.builder()
			.port(options.port())
			.adminDeliveries()
			.answerListener((request, status, rejection) -> out.println(logLine(LocalTime.now(), request, status,
					rejection)))
			.start();
		SimulatorCredentials credentials;
		try {
			credentials = SimulatorCredentials.register(simulator, options.clientId(), options.orgIds(),
					options.keyType());
		}
		catch (RuntimeException ex) {
			simulator.close();
			throw ex;
		}
		out.println("Cobo simulator at " + simulator.baseUrl() + ": app '" + options.clientId() + "' installed in "
				+ String.join(", ", options.orgIds()) + (options.apiKey() ? ", API key for " + options.orgIds().get(0) : "")
				+ ", " + options.keyType().name().toLowerCase(Locale.ROOT) + " keys. Ctrl-C stops it.");
		out.println(appArgs(credentials, options.keyType(), options.apiKey()));
		return simulator;
	}

	/**
	 * @return {@code app-args:} and the arguments that point an application at the simulator with the
	 * credentials: the app key, with the API key when asked for, the key types only when they are not
	 * the default Ed25519, and the webhook key only when it is not the response key
	 */
	static String appArgs(SimulatorCredentials credentials, KeyType keyType, boolean apiKey) {
		Map<String, String> properties = credentials.properties();
		List<String> names = new ArrayList<>(APP_PROPERTIES);
		if (!Objects.equals(properties.get(WEBHOOK_KEY), properties.get("cobo.response-verification.public-key"))) {
			names.add(WEBHOOK_KEY);
		}
		if (apiKey) {
			names.addAll(API_KEY_PROPERTIES);
		}
		if (keyType != KeyType.ED25519) {
			names.add("cobo.app.key-type");
			if (apiKey) {
				names.add("cobo.api-key.key-type");
			}
		}
		return names.stream()
			.map((name) -> shellWord("--" + name + "=" + properties.get(name)))
			.collect(Collectors.joining(" ", "app-args: ", ""));
	}

	/**
	 * @return e.g. {@code 14:02:11.123 GET /v2/wallets?limit=2 -> 401 MISSING_TOKEN (error_code 2022)}
	 */
	static String logLine(LocalTime time, RecordedRequest request, int status, Rejection rejection) {
		String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
		String line = TIME.format(time) + " " + request.method() + " " + request.rawPath() + query + " -> " + status;
		if (rejection == null) {
			return line;
		}
		String code = (rejection.oauthError() != null) ? rejection.oauthError()
				: "error_code " + rejection.errorCode();
		return line + " " + rejection.name() + " (" + code + ")";
	}

	private static String shellWord(String word) {
		return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
	}

}
