package dev.cobooauth.samples.portal;

import dev.cobooauth.oauth2.CoboHttpServiceGroups;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A Cobo Portal App on Spring MVC: lists, reads and transfers from the wallets of every org that
 * installed it, each call with that org's Org Access Token. No Cobo code beyond the starter: it signs
 * the calls, gets and refreshes the tokens, and verifies Cobo's answers.
 * <p>
 * Started without {@code cobo.env} or {@code cobo.base-url}, it runs against a Cobo simulator of its
 * own ({@code cobo.simulator.embedded=auto} in {@code application.yml}).
 */
@SpringBootApplication
@ImportHttpServices(group = CoboHttpServiceGroups.COBO, types = WalletsApi.class)
public class PortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(PortalApplication.class, args);
	}

}
