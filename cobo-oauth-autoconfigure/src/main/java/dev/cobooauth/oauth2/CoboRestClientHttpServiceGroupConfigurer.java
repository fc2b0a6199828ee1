package dev.cobooauth.oauth2;

import java.util.function.Consumer;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Configures the {@value CoboHttpServiceGroups#COBO} HTTP service group, and only that one, for
 * Cobo: base URL, signing, Org Access Tokens, response verification, and {@code @CoboOrgId}
 * parameters. The application's other groups are left untouched.
 */
final class CoboRestClientHttpServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	private final Consumer<RestClient.Builder> coboClient;

	/**
	 * @param coboClient makes a builder talk to Cobo, e.g. the {@code coboRestClientConfigurer} bean
	 */
	public CoboRestClientHttpServiceGroupConfigurer(Consumer<RestClient.Builder> coboClient) {
		if (coboClient == null) {
			throw new IllegalArgumentException("coboClient cannot be null");
		}
		this.coboClient = coboClient;
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		Groups<RestClient.Builder> cobo = groups.filterByName(CoboHttpServiceGroups.COBO);
		cobo.forEachClient((group, builder) -> builder.apply(this.coboClient));
		cobo.forEachProxyFactory((group, factory) -> factory.customArgumentResolver(new CoboOrgIdArgumentResolver()));
	}

}
