package dev.cobooauth.oauth2;

import java.util.function.Consumer;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * The HTTP service group the starter configures. Declare interfaces in it to have them authorized
 * like {@code coboRestClient} (or, with {@code clientType = WEB_CLIENT}, like {@code coboWebClient}):
 * <pre>
 * &#64;ImportHttpServices(group = CoboHttpServiceGroups.COBO, types = WalletsApi.class)
 * </pre>
 * Spring Boot registers the configurers below as {@code coboRestClientHttpServiceGroupConfigurer}
 * and {@code coboWebClientHttpServiceGroupConfigurer}; without Boot, publish them as beans yourself.
 */
public final class CoboHttpServiceGroups {

	/** The name of the group. */
	public static final String COBO = "cobo";

	private CoboHttpServiceGroups() {
	}

	/**
	 * @param coboClient makes a builder talk to Cobo, e.g. {@link CoboTokens#restClientConfigurer}
	 * @return a configurer of the {@value #COBO} group of {@code RestClient}-backed interfaces, and only
	 * that group: the builder made to talk to Cobo, and {@link CoboOrgId @CoboOrgId} parameters
	 */
	public static RestClientHttpServiceGroupConfigurer restClientConfigurer(Consumer<RestClient.Builder> coboClient) {
		return new CoboRestClientHttpServiceGroupConfigurer(coboClient);
	}

	/**
	 * @param coboClient makes a builder talk to Cobo, e.g. {@link CoboTokens#webClientConfigurer}
	 * @return a configurer of the {@value #COBO} group of {@code WebClient}-backed interfaces, and
	 * only that group
	 */
	public static WebClientHttpServiceGroupConfigurer webClientConfigurer(Consumer<WebClient.Builder> coboClient) {
		// Through a method that returns the interface, so that this class loads without WebFlux.
		return CoboWebClientHttpServiceGroupConfigurer.of(coboClient);
	}

}
