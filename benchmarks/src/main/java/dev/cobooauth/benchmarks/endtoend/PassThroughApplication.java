package dev.cobooauth.benchmarks.endtoend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The baseline of the end-to-end benchmark: portal-app's {@code GET /orgs/{orgId}/wallets} without
 * the starter. The same Spring MVC endpoint, the same kind of {@code @HttpExchange} interface on a
 * {@code RestClient} over the JDK's HTTP client, Cobo's JSON passed on as the same {@code String};
 * but no signature, no Org Access Token and no response verification.
 * <p>
 * The starter's jar is on this module's class path, so every auto-configuration it declares is
 * excluded: none of its beans exists here, whatever {@code cobo.*} says. Start it with
 * {@code --server.port=...} and {@code --spring.http.serviceclient.waas.base-url=http://127.0.0.1:PORT/v2}.
 */
@SpringBootApplication(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ImportHttpServices(group = PassThroughApplication.GROUP, types = PassThroughWalletsApi.class)
public class PassThroughApplication {

	/** The HTTP service group of {@link PassThroughWalletsApi}; its base URL is {@code spring.http.serviceclient.waas.base-url}. */
	static final String GROUP = "waas";

	/**
	 * @param args Spring Boot's command line, e.g. {@code --server.port=18081}
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PassThroughApplication.class);
		application.setDefaultProperties(defaultProperties());
		application.run(args);
	}

	private static Map<String, Object> defaultProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.autoconfigure.exclude", starterAutoConfigurations());
		// What Boot picks for portal-app, which has no other HTTP client; pinned because this module
		// also has Apache HttpClient 5 and Reactor Netty (for other benchmarks), which Boot would prefer.
		properties.put("spring.http.clients.imperative.factory", "jdk");
		// As portal-app's application.yml has it.
		properties.put("spring.mvc.problemdetails.enabled", "true");
		return properties;
	}

	/** Every auto-configuration that the starter's jars declare, comma separated. */
	private static String starterAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, PassThroughApplication.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.cobooauth."))
			.collect(Collectors.joining(","));
	}

}
