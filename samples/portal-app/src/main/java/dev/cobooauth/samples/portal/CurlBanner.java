package dev.cobooauth.samples.portal;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import dev.cobooauth.signing.CoboEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Logs, once the server listens, which Cobo the portal calls and a {@code curl} line for each of its
 * endpoints, ready to paste: for the orgs of the embedded simulator, or for
 * {@code cobo.app.default-org} when it calls a real Cobo. Never a key or a token.
 * <p>
 * The embedded simulator runs only from the test class path; it is recognised by the property source
 * it puts first in the environment ({@value #SIMULATOR}, which also names its orgs), so that this
 * class, in the executable jar, knows nothing of the simulator's classes.
 */
@Component
class CurlBanner implements ApplicationListener<ServletWebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(CurlBanner.class);

	/** Listing, reading and transferring for the first org; {@code %1$s} the app, {@code %2$s} the org. */
	private static final String FIRST_ORG = """
			  curl -s '%1$s/orgs/%2$s/wallets?limit=2&wallet_type=Custodial'
			  W=$(curl -s '%1$s/orgs/%2$s/wallets?limit=1' | sed -E 's/.*"wallet_id":"([^"]*)".*/\\1/')
			  curl -s "%1$s/orgs/%2$s/wallets/$W"
			  curl -s -X POST '%1$s/orgs/%2$s/transfers' -H 'Content-Type: application/json' \
			-d '{"request_id":"sample-'$(date +%%s)'","source":{"source_type":"Org-Controlled","wallet_id":"'$W'"},\
			"token_id":"ETH","destination":{"destination_type":"Address","account_output":\
			{"address":"0x0000000000000000000000000000000000000001","amount":"0.001"}}}'
			""";

	/** An org that installed nothing, to show the answer when there is no Org Access Token. */
	private static final String UNINSTALLED_ORG = "org-initech";

	/** The property source of the embedded Cobo simulator (cobo-oauth-test), when one runs. */
	static final String SIMULATOR = "coboSimulator";

	private final URI coboUrl;

	private final List<String> orgs;

	private final boolean simulated;

	CurlBanner(ConfigurableEnvironment environment, CoboEndpoint cobo) {
		this.coboUrl = cobo.baseUrl();
		this.simulated = environment.getPropertySources().contains(SIMULATOR);
		this.orgs = this.simulated ? List.of(environment.getRequiredProperty("cobo.simulator.org-ids", String[].class))
				: List.of(environment.getProperty("cobo.app.default-org", "YOUR_ORG_ID"));
	}

	@Override
	public void onApplicationEvent(ServletWebServerInitializedEvent event) {
		String app = "http://localhost:" + event.getWebServer().getPort();
		String otherOrgs = this.orgs.stream()
			.skip(1)
			.map((org) -> "  curl -s '" + app + "/orgs/" + org + "/wallets'\n")
			.collect(Collectors.joining());
		String uninstalled = this.simulated
				? "  curl -s '" + app + "/orgs/" + UNINSTALLED_ORG + "/wallets'   # not installed: problem+json\n" : "";
		String tries = FIRST_ORG.formatted(app, this.orgs.get(0)) + otherOrgs + uninstalled;
		log.info("Portal sample on {}, calling {} for orgs {}. Try:\n{}", app,
				(this.simulated ? "the embedded Cobo simulator at " : "Cobo at ") + this.coboUrl,
				String.join(", ", this.orgs), tries.stripTrailing());
	}

}
