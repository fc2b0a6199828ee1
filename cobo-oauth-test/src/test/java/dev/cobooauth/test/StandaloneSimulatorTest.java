package dev.cobooauth.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.oauth2.CoboPermissionTokens;
import dev.cobooauth.signing.CoboSigner;
import dev.cobooauth.signing.KeyType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The standalone simulator, started in-process as its {@code main} starts it: it prints one
 * {@code app-args} line that an application takes as it is, and one line per request that shows the
 * request and its answer but no token, key or signature.
 */
class StandaloneSimulatorTest {

	private static final List<String> SECRET_HEADERS = List.of("BIZ-API-KEY", "BIZ-API-SIGNATURE", "Authorization");

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	private CoboSimulator sim;

	@AfterEach
	void stop() {
		if (this.sim != null) {
			this.sim.close();
		}
	}

	@Test
	void printsWhereItListensAndOneAppArgsLine() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0"), this.out);

		assertThat(lines()).hasSize(2);
		assertThat(lines().get(0)).isEqualTo("Cobo simulator at " + this.sim.baseUrl()
				+ ": app 'sim-client' installed in org-1, org-2, ed25519 keys. Ctrl-C stops it.");
		assertThat(lines().get(1)).matches("app-args: --cobo\\.base-url=http://127\\.0\\.0\\.1:" + this.sim.port()
				+ "/v2 --cobo\\.response-verification\\.public-key=" + this.sim.responsePublicKeyHex()
				+ " --cobo\\.app\\.client-id=sim-client --cobo\\.app\\.private-key=[0-9a-f]{64}"
				+ " --cobo\\.app\\.private-key-location=");
	}

	@Test
	void printsTheApiKeyOnlyWhenAskedFor() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0", "--api-key"), this.out);

		assertThat(lines().get(0)).contains("installed in org-1, org-2, API key for org-1, ed25519 keys");
		assertThat(appArgs()).containsKeys("cobo.app.private-key", "cobo.app.private-key-location")
			.containsEntry("cobo.api-key.private-key-location", "")
			.hasEntrySatisfying("cobo.api-key.private-key", (key) -> assertThat(key).matches("[0-9a-f]{64}"));
	}

	@Test
	void namesTheKeyTypeWhenItIsNotEd25519() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0", "--key-type=secp256k1", "--api-key"),
				this.out);

		assertThat(appArgs()).containsEntry("cobo.app.key-type", "secp256k1")
			.containsEntry("cobo.api-key.key-type", "secp256k1");
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void anApplicationGivenTheAppArgsCallsWaasWithBothKeys(KeyType keyType) {
		this.sim = StandaloneSimulator.start(new StandaloneOptions(0, "portal", List.of("org-acme", "org-globex"),
				keyType, true), this.out);
		String[] appArgs = lines().get(1).substring("app-args: ".length()).split(" ");

		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.environment(new StandardEnvironment())
			.run(appArgs)) {
			RestClient cobo = application.getBean("coboRestClient", RestClient.class);
			RestClient apiKey = application.getBean("coboApiKeyRestClient", RestClient.class);

			assertThat(cobo.get().uri("/wallets").attributes(CoboOrg.id("org-globex")).retrieve().body(String.class))
				.contains("\"org_id\":\"org-globex\"");
			assertThat(apiKey.get().uri("/wallets").retrieve().body(String.class)).contains("\"org_id\":\"org-acme\"");
		}
		assertThat(this.sim.counters().rejections()).isZero();
	}

	/**
	 * An application configured for production, its keys in files, takes the arguments as they are
	 * printed: they blank the key locations that would otherwise conflict with the printed keys.
	 */
	@Test
	void anApplicationConfiguredForProductionStartsWithTheAppArgsAsPrinted(@TempDir Path secrets) throws IOException {
		Path appSecret = Files.writeString(secrets.resolve("app-secret"), TestKeyPair.generate(KeyType.ED25519).privateKeyHex());
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0", "--org-ids=org-acme"), this.out);
		String[] appArgs = lines().get(1).substring("app-args: ".length()).split(" ");

		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.environment(new StandardEnvironment())
			.properties(Map.of("cobo.env", "prod", "cobo.app.client-id", "my-real-client-id",
					"cobo.app.private-key-location", "file:" + appSecret, "cobo.app.default-org", "org-acme"))
			.run(appArgs)) {
			RestClient cobo = application.getBean("coboRestClient", RestClient.class);

			assertThat(cobo.get().uri("/wallets").retrieve().body(String.class)).contains("\"org_id\":\"org-acme\"");
			assertThat(application.getBeanNamesForType(CoboPermissionTokens.class)).isEmpty();
		}
		assertThat(this.sim.counters().grant(Grant.ORG_IMPLICIT)).isEqualTo(1);
		assertThat(this.sim.counters().rejections()).isZero();
	}

	@Test
	void anApplicationWithItsOwnApiKeyFileTakesTheApiKeyArgsAsPrinted(@TempDir Path secrets) throws IOException {
		Path appSecret = Files.writeString(secrets.resolve("app-secret"), TestKeyPair.generate(KeyType.ED25519).privateKeyHex());
		Path apiSecret = Files.writeString(secrets.resolve("api-secret"), TestKeyPair.generate(KeyType.ED25519).privateKeyHex());
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0", "--api-key"), this.out);
		String[] appArgs = lines().get(1).substring("app-args: ".length()).split(" ");

		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.environment(new StandardEnvironment())
			.properties(Map.of("cobo.env", "prod", "cobo.app.client-id", "my-real-client-id",
					"cobo.app.private-key-location", "file:" + appSecret, "cobo.api-key.private-key-location",
					"file:" + apiSecret))
			.run(appArgs)) {
			RestClient apiKey = application.getBean("coboApiKeyRestClient", RestClient.class);

			assertThat(apiKey.get().uri("/wallets").retrieve().body(String.class)).contains("\"org_id\":\"org-1\"");
		}
		assertThat(this.sim.counters().rejections()).isZero();
	}

	@Test
	void logsEachRequestWithItsStatus() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0", "--api-key"), this.out);
		CoboSigner appKey = key("cobo.app.private-key");

		CoboCalls.orgImplicit(this.sim, appKey, "sim-client", "org-1");
		CoboCalls.listWallets(this.sim, key("cobo.api-key.private-key"));

		assertThat(requestLines()).hasSize(2);
		assertThat(requestLines().get(0)).matches(
				"\\d\\d:\\d\\d:\\d\\d\\.\\d{3} GET /v2/oauth/token\\?client_id=sim-client&org_id=org-1&grant_type=org_implicit -> 200");
		assertThat(requestLines().get(1)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} GET /v2/wallets -> 200");
	}

	@Test
	void logsWhyARequestWasRefused() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0"), this.out);
		CoboSigner appKey = key("cobo.app.private-key");

		CoboCalls.listWallets(this.sim, appKey, "made-up-token");
		CoboCalls.orgImplicit(this.sim, appKey, "sim-client", "org-3");

		assertThat(requestLines()).satisfiesExactly(
				(line) -> assertThat(line).endsWith(" GET /v2/wallets -> 401 INVALID_TOKEN (invalid_token)"),
				(line) -> assertThat(line).endsWith(
						" GET /v2/oauth/token?client_id=sim-client&org_id=org-3&grant_type=org_implicit"
								+ " -> 400 APP_NOT_INSTALLED (unauthorized_client)"));
	}

	@Test
	void logsNoTokenKeyOrSignature() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0"), this.out);
		CoboSigner appKey = key("cobo.app.private-key");
		Answer token = CoboCalls.orgImplicit(this.sim, appKey, "sim-client", "org-1");
		CoboCalls.listWallets(this.sim, appKey, token.field("access_token"));
		CoboCalls.refreshOrgToken(this.sim, appKey, "sim-client", token.field("refresh_token"));

		List<String> secrets = this.sim.recordedRequests()
			.stream()
			.flatMap((request) -> request.headers().entrySet().stream())
			.filter((header) -> SECRET_HEADERS.stream().anyMatch(header.getKey()::equalsIgnoreCase))
			.flatMap((header) -> header.getValue().stream())
			.map((value) -> value.replace("Bearer ", ""))
			.toList();

		assertThat(requestLines()).hasSize(3);
		assertThat(secrets).hasSizeGreaterThanOrEqualTo(7);
		assertThat(String.join("\n", requestLines())).doesNotContain(secrets)
			.doesNotContain(token.field("refresh_token"));
	}

	@Test
	void formatsARequestLineWithTheQueryAsReceived() {
		RecordedRequest request = new RecordedRequest("GET", "/v2/wallets", "wallet_subtype=Safe%7BWallet%7D&limit=2",
				Map.of(), new byte[0]);

		assertThat(StandaloneSimulator.logLine(LocalTime.of(9, 5, 7, 42_000_000), request, 400, Rejection.BAD_PARAMETER))
			.isEqualTo("09:05:07.042 GET /v2/wallets?wallet_subtype=Safe%7BWallet%7D&limit=2 -> 400 BAD_PARAMETER"
					+ " (error_code 2006)");
	}

	@Test
	void quotesAClientIdTheShellWouldSplit() {
		this.sim = StandaloneSimulator.start(StandaloneOptions.parse("--port=0", "--client-id=my app"), this.out);

		assertThat(lines().get(1)).contains(" '--cobo.app.client-id=my app' ");
	}

	@Test
	void failsWhenThePortIsTaken() {
		try (CoboSimulator other = CoboSimulator.start()) {
			StandaloneOptions options = new StandaloneOptions(other.port(), "sim-client", List.of("org-1"),
					KeyType.ED25519, false);

			assertThatExceptionOfType(UncheckedIOException.class)
				.isThrownBy(() -> StandaloneSimulator.start(options, this.out));
		}
	}

	private List<String> lines() {
		return this.output.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private List<String> requestLines() {
		return lines().subList(2, lines().size());
	}

	/** @return the app-args line's properties by name */
	private Map<String, String> appArgs() {
		Map<String, String> properties = new HashMap<>();
		for (String arg : lines().get(1).substring("app-args: ".length()).split(" ")) {
			int equals = arg.indexOf('=');
			properties.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return properties;
	}

	private CoboSigner key(String property) {
		return CoboSigner.of(KeyType.ED25519, appArgs().get(property), property);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
