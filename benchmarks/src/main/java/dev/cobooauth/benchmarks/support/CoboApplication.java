package dev.cobooauth.benchmarks.support;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.cobooauth.signing.KeyType;
import dev.cobooauth.test.TestKeyPair;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Spring Boot application with the starter's auto-configuration, exactly as a user's
 * application gets it, pointed at a local server: so the beans measured ({@code coboRestClient},
 * {@code CoboOrgAccessTokens}, the token store) are the ones the starter assembles, not copies.
 */
public final class CoboApplication {

	/** The Portal App's client id the benchmarks register. */
	public static final String CLIENT_ID = "bench-app";

	/** Boot's {@code DataSource} auto-configuration, left out unless a benchmark gives a database. */
	public static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	private CoboApplication() {
	}

	/**
	 * @param baseUrl the server's base URL, with {@code /v2}
	 * @param responsePublicKeyHex the key the server signs its answers with
	 * @param appKey the app key requests are signed with
	 * @param extraSources configuration classes that replace starter beans, e.g. {@code coboClock}
	 * @return the running application; close it after
	 */
	public static ConfigurableApplicationContext start(String baseUrl, String responsePublicKeyHex, TestKeyPair appKey,
			Class<?>... extraSources) {
		return start(baseUrl, responsePublicKeyHex, appKey, Map.of(), extraSources);
	}

	/**
	 * @param baseUrl the server's base URL, with {@code /v2}
	 * @param responsePublicKeyHex the key the server signs its answers with
	 * @param appKey the app key requests are signed with
	 * @param extraProperties more properties, e.g. {@code spring.http.clients.imperative.factory}
	 * @param extraSources configuration classes that replace starter beans, e.g. {@code coboClock}
	 * @return the running application; close it after
	 */
	public static ConfigurableApplicationContext start(String baseUrl, String responsePublicKeyHex, TestKeyPair appKey,
			Map<String, Object> extraProperties, Class<?>... extraSources) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("cobo.base-url", baseUrl);
		properties.put("cobo.response-verification.public-key", responsePublicKeyHex);
		properties.put("cobo.app.client-id", CLIENT_ID);
		properties.put("cobo.app.private-key", appKey.privateKeyHex());
		properties.put("logging.level.root", "WARN");
		// What Boot picks with the starter's own dependencies; pinned because this module also has
		// Reactor Netty (for the WebClient benchmark), which Boot would otherwise prefer.
		properties.put("spring.http.clients.imperative.factory", "jdk");
		// This module has JDBC support for the scale benchmark only, which sets a database; the others have none.
		properties.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATION);
		properties.putAll(extraProperties);
		Class<?>[] sources = new Class<?>[extraSources.length + 1];
		sources[0] = App.class;
		System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties)
			.run();
	}

	/**
	 * @return a new Ed25519 app key
	 */
	public static TestKeyPair newAppKey() {
		return TestKeyPair.generate(KeyType.ED25519);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
