package dev.cobooauth.samples.checkout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A checkout backend on Spring WebFlux: reads the wallets of every org that installed the Portal App
 * with {@code coboWebClient}, each call with that org's Org Access Token, without blocking.
 * <p>
 * Started without {@code cobo.env} or {@code cobo.base-url}, it runs against a Cobo simulator of its
 * own ({@code cobo.simulator.embedded=auto} in {@code application.yml}).
 */
@SpringBootApplication
public class CheckoutApplication {

	public static void main(String[] args) {
		SpringApplication.run(CheckoutApplication.class, args);
	}

}
