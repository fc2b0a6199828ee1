package dev.cobooauth.autoconfigure;

/**
 * The Spring Boot auto-configurations that the Cobo auto-configurations come after and that live in
 * modules an application may leave out (Boot's RestClient, WebClient, JDBC and Jackson modules, all
 * optional here). They are named, not referenced by class, as Spring Boot's own modules name each
 * other: a class reference to a missing module makes every introspection of the annotation fail and
 * log a warning. {@code OptionalBootAutoConfigurationsTest} checks each name against the class.
 */
final class OptionalBootAutoConfigurations {

	static final String REST_CLIENT = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration";

	static final String WEB_CLIENT = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration";

	static final String DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	static final String JACKSON = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration";

	private OptionalBootAutoConfigurations() {
	}

}
