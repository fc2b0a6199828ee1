package dev.cobooauth.samples.portal;

import org.springframework.boot.SpringApplication;

/**
 * Runs the portal sample from the test class path, against the Cobo simulator of cobo-oauth-test (a
 * test dependency, never in the executable jar) unless {@code cobo.env} or {@code cobo.base-url} names
 * a real Cobo: {@code ./mvnw -pl samples/portal-app -am spring-boot:test-run}. The simulator's settings
 * are in {@code src/test/resources/config/application.yml}.
 */
public final class TestPortalApplication {

	private TestPortalApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(PortalApplication::main).run(args);
	}

}
