package dev.cobooauth.samples.checkout;

import dev.cobooauth.oauth2.CoboHttpServiceGroups;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A checkout backend on Spring WebFlux: reads the wallets of every org that installed the Portal App
 * with {@code coboWebClient} and a reactive {@code @HttpExchange} interface of the {@code cobo} group,
 * each call with that org's Org Access Token, without blocking.
 * <p>
 * Started without {@code cobo.env} or {@code cobo.base-url}, it runs against a Cobo simulator of its
 * own ({@code cobo.simulator.embedded=auto} in {@code application.yml}).
 */
@SpringBootApplication
@ImportHttpServices(group = CoboHttpServiceGroups.COBO, types = WalletsApi.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
public class CheckoutApplication {

	public static void main(String[] args) {
		SpringApplication.run(CheckoutApplication.class, args);
	}

}
