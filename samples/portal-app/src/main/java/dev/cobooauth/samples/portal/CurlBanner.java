package dev.cobooauth.samples.portal;

import java.util.List;

import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.test.CoboSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs, once the app is up, where it listens, which Cobo it calls, and a {@code curl} line for each
 * endpoint, ready to paste. Never a key or a token.
 */
@Component
class CurlBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(CurlBanner.class);

	/** An org that installed nothing, to show the answer when there is no Org Access Token. */
	private static final String UNINSTALLED_ORG = "org-initech";

	private final Environment environment;

	private final CoboEndpoint cobo;

	private final ObjectProvider<CoboSimulator> simulator;

	CurlBanner(Environment environment, CoboEndpoint cobo, ObjectProvider<CoboSimulator> simulator) {
		this.environment = environment;
		this.cobo = cobo;
		this.simulator = simulator;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
			log.info(banner("http://localhost:" + web.getWebServer().getPort()));
		}
	}

	private String banner(String app) {
		String[] simulatedOrgs = this.environment.getProperty("cobo.simulator.org-ids", String[].class);
		boolean simulated = this.simulator.getIfAvailable() != null && simulatedOrgs != null;
		List<String> orgs = simulated ? List.of(simulatedOrgs)
				: List.of(this.environment.getProperty("cobo.app.default-org", "YOUR_ORG_ID"));
		String org = orgs.get(0);
		StringBuilder banner = new StringBuilder("Portal sample on ").append(app)
			.append(simulated ? ", calling the embedded Cobo simulator at " : ", calling Cobo at ")
			.append(this.cobo.baseUrl())
			.append(" for orgs ")
			.append(String.join(", ", orgs))
			.append(". Try:");
		line(banner, "curl -s '" + app + "/orgs/" + org + "/wallets?limit=2&wallet_type=Custodial'");
		for (String other : orgs.subList(1, orgs.size())) {
			line(banner, "curl -s '" + app + "/orgs/" + other + "/wallets'");
		}
		line(banner, "W=$(curl -s '" + app + "/orgs/" + org
				+ "/wallets?limit=1' | sed -E 's/.*\"wallet_id\":\"([^\"]*)\".*/\\1/')");
		line(banner, "curl -s \"" + app + "/orgs/" + org + "/wallets/$W\"");
		line(banner, "curl -s -X POST '" + app + "/orgs/" + org + "/transfers' -H 'Content-Type: application/json' "
				+ "-d '{\"request_id\":\"sample-'$(date +%s)'\",\"source\":{\"source_type\":\"Org-Controlled\","
				+ "\"wallet_id\":\"'$W'\"},\"token_id\":\"ETH\",\"destination\":{\"destination_type\":\"Address\","
				+ "\"account_output\":{\"address\":\"0x0000000000000000000000000000000000000001\",\"amount\":\"0.001\"}}}'");
		if (simulated) {
			line(banner, "curl -s '" + app + "/orgs/" + UNINSTALLED_ORG + "/wallets'   # not installed: problem+json");
		}
		return banner.toString();
	}

	private static void line(StringBuilder banner, String line) {
		banner.append(System.lineSeparator()).append("  ").append(line);
	}

}
