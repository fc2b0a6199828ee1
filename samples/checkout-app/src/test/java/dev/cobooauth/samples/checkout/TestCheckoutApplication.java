package dev.cobooauth.samples.checkout;

import org.springframework.boot.SpringApplication;

/**
 * Runs the checkout sample from the test class path, against the Cobo simulator of cobo-oauth-test (a
 * test dependency, never in the executable jar) unless {@code cobo.env} or {@code cobo.base-url} names
 * a real Cobo: {@code ./mvnw -pl samples/checkout-app -am spring-boot:test-run}. The simulator's settings
 * are in {@code src/test/resources/config/application.yml}.
 */
public final class TestCheckoutApplication {

	private TestCheckoutApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(CheckoutApplication::main).run(args);
	}

}
