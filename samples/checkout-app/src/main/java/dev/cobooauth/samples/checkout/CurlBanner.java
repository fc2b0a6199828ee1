package dev.cobooauth.samples.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.cobooauth.signing.CoboEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Logs, once the server listens, a {@code curl} line for the front end's token and for the wallets
 * of each org the checkout serves, ready to paste. Never a key or a token.
 * <p>
 * The embedded simulator runs only from the test class path; it is recognised by the property source
 * it puts first in the environment ({@value #SIMULATOR}, which also names its orgs), so that this
 * class, in the executable jar, knows nothing of the simulator's classes.
 */
@Component
class CurlBanner implements ApplicationListener<ReactiveWebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(CurlBanner.class);

	/** The property source of the embedded Cobo simulator (cobo-oauth-test), when one runs. */
	static final String SIMULATOR = "coboSimulator";

	private final ConfigurableEnvironment environment;

	private final CoboEndpoint cobo;

	CurlBanner(ConfigurableEnvironment environment, CoboEndpoint cobo) {
		this.environment = environment;
		this.cobo = cobo;
	}

	@Override
	public void onApplicationEvent(ReactiveWebServerInitializedEvent event) {
		String app = "http://localhost:" + event.getWebServer().getPort();
		boolean simulated = this.environment.getPropertySources().contains(SIMULATOR);
		String[] orgs = simulated ? this.environment.getRequiredProperty("cobo.simulator.org-ids", String[].class)
				: new String[] { this.environment.getProperty("cobo.app.default-org", "YOUR_ORG_ID") };
		List<String> tries = new ArrayList<>(List.of("curl -s '" + app + "/checkout/token'",
				"curl -s '" + app + "/orgs/" + orgs[0] + "/wallets?limit=2&wallet_type=Custodial'"));
		for (int i = 1; i < orgs.length; i++) {
			tries.add("curl -s '" + app + "/orgs/" + orgs[i] + "/wallets'");
		}
		if (simulated) {
			// An org that installed nothing: the answer when there is no Org Access Token.
			tries.add("curl -s '" + app + "/orgs/org-initech/wallets'   # not installed: problem+json");
		}
		String lines = tries.stream().map((line) -> System.lineSeparator() + "  " + line).collect(Collectors.joining());
		log.info("Checkout sample on {}, calling {} at {}. Try:{}", app, simulated ? "the embedded Cobo simulator" : "Cobo",
				this.cobo.baseUrl(), lines);
	}

}
