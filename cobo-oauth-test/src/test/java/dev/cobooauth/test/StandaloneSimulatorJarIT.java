package dev.cobooauth.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar cobo-oauth-simulator.jar}, the jar the build made, run as its users run it: it
 * serves signed requests, logs them, stops cleanly on a signal, and refuses an argument it does not
 * know. Run by failsafe after {@code package}, so the jar exists.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StandaloneSimulatorJarIT {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String API_KEY_PROPERTY = "--cobo.api-key.private-key=";

	private Process process;

	@AfterEach
	void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void servesLogsAndStopsOnASignal() throws Exception {
		this.process = start("--port=0", "--org-ids=org-a", "--api-key");
		BufferedReader out = reader(this.process);

		List<String> lines = List.of(out.readLine(), out.readLine());
		String appArgs = lines.get(1);
		String baseUrl = value(appArgs, "--cobo.base-url=");
		CoboSigner apiKey = CoboSigner.of(KeyType.ED25519, value(appArgs, API_KEY_PROPERTY), "api key");

		assertThat(lines.get(0)).startsWith("Cobo simulator at " + baseUrl + ": app 'sim-client' installed in org-a");
		assertThat(get(baseUrl, "/wallets", null).statusCode()).isEqualTo(401);
		HttpResponse<String> wallets = get(baseUrl, "/wallets", apiKey);
		assertThat(wallets.statusCode()).isEqualTo(200);
		assertThat(wallets.body()).contains("\"org_id\":\"org-a\"");
		assertThat(out.readLine()).endsWith(" GET /v2/wallets -> 401 MISSING_HEADERS (error_code 2022)");
		assertThat(out.readLine()).endsWith(" GET /v2/wallets -> 200");

		// SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does; Process.destroy() would also close
		// the pipe this test reads the last line from.
		this.process.toHandle().destroy();

		assertThat(this.process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(out.readLine()).isEqualTo("Cobo simulator stopped");
	}

	@Test
	void refusesAnUnknownArgumentWithTheUsageLine() throws Exception {
		this.process = start("--port=0", "--verbose=true");

		assertThat(this.process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isEqualTo(2);
		assertThat(new String(this.process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines())
			.containsExactly("Unknown option --verbose", StandaloneOptions.USAGE);
	}

	private static Process start(String... args) throws IOException {
		Path jar = Path.of(System.getProperty("simulator.jar", "target/cobo-oauth-simulator.jar"));
		assertThat(jar).as("the jar built by package").exists();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

	private static BufferedReader reader(Process process) {
		return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	private static String value(String appArgs, String prefix) {
		String rest = appArgs.substring(appArgs.indexOf(prefix) + prefix.length());
		return rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
	}

	private static HttpResponse<String> get(String baseUrl, String path, CoboSigner signer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
		if (signer != null) {
			RequestSignature signature = RequestSignature.sign(signer, "GET", URI.create(baseUrl + path).getPath(),
					System.currentTimeMillis(), "", new byte[0]);
			request.header(RequestSignatureHeaders.API_KEY, signature.apiKey())
				.header(RequestSignatureHeaders.API_NONCE, signature.nonce())
				.header(RequestSignatureHeaders.API_SIGNATURE, signature.signature());
		}
		return WireRequest.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
