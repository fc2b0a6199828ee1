package dev.cobooauth.oauth2;

import java.util.function.Consumer;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Configures the {@value CoboHttpServiceGroups#COBO} HTTP service group of WebClient-backed
 * interfaces, and only that one, for Cobo; the reactive twin of
 * {@link CoboRestClientHttpServiceGroupConfigurer}.
 */
final class CoboWebClientHttpServiceGroupConfigurer implements WebClientHttpServiceGroupConfigurer {

	private final Consumer<WebClient.Builder> coboClient;

	/**
	 * @param coboClient makes a builder talk to Cobo, e.g. the {@code coboWebClientConfigurer} bean
	 */
	public CoboWebClientHttpServiceGroupConfigurer(Consumer<WebClient.Builder> coboClient) {
		if (coboClient == null) {
			throw new IllegalArgumentException("coboClient cannot be null");
		}
		this.coboClient = coboClient;
	}

	static WebClientHttpServiceGroupConfigurer of(Consumer<WebClient.Builder> coboClient) {
		return new CoboWebClientHttpServiceGroupConfigurer(coboClient);
	}

	@Override
	public void configureGroups(Groups<WebClient.Builder> groups) {
		Groups<WebClient.Builder> cobo = groups.filterByName(CoboHttpServiceGroups.COBO);
		cobo.forEachClient((group, builder) -> builder.apply(this.coboClient));
		cobo.forEachProxyFactory((group, factory) -> factory.customArgumentResolver(new CoboOrgIdArgumentResolver()));
	}

}
