package dev.cobooauth.oauth2;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The starter's own client registrations, kept apart from the application's
 * {@code spring.security.oauth2.client.registration.*}: Spring Security never sees them, so it
 * wires nothing of Cobo's into the application's own OAuth2 client setup.
 * <p>
 * One instance holds every registration the application has: the Portal App's
 * ({@value #ORG_ACCESS_TOKEN}) with an app key, the API key's ({@value #PERMISSION_TOKEN}) with an
 * API key, or both. Both token flows keep their tokens in one {@link TokenStore}, whose service
 * finds a stored token only if its registration is in this repository.
 */
final class CoboClientRegistrations {

	/** Registration id of the Portal App (Org Access Tokens). */
	public static final String ORG_ACCESS_TOKEN = "cobo";

	/** Registration id of the API key (Permission Access Tokens). */
	public static final String PERMISSION_TOKEN = "cobo-permission";

	private final List<ClientRegistration> registrations;

	/**
	 * @param registrations the registrations
	 */
	public CoboClientRegistrations(List<ClientRegistration> registrations) {
		if (registrations == null || registrations.isEmpty()) {
			throw new IllegalArgumentException("registrations cannot be empty");
		}
		this.registrations = List.copyOf(registrations);
	}

	/**
	 * The Portal App's registration: the {@code org_implicit} grant against
	 * {@code <base-url>/oauth/token}. Requests are authenticated by their signature, so it has no
	 * client secret.
	 * @param clientId the Portal App's client id
	 * @param tokenUri the token endpoint
	 * @return the registration, with id {@value #ORG_ACCESS_TOKEN}
	 */
	public static ClientRegistration portalApp(String clientId, String tokenUri) {
		return ClientRegistration.withRegistrationId(ORG_ACCESS_TOKEN)
			.clientId(clientId)
			.clientName("Cobo Portal App")
			.authorizationGrantType(CoboAuthorizationGrantTypes.ORG_IMPLICIT)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.tokenUri(tokenUri)
			.build();
	}

	/**
	 * The API key's registration: the Permission Access Token exchange against
	 * {@code <base-url>/oauth/permission_token/exchange}, with the refresh endpoint in its provider
	 * configuration metadata under {@link CoboTokenRequests#PERMISSION_TOKEN_REFRESH_URI}. Its
	 * client id is the API key's public key, the only identity Cobo knows the caller by; requests
	 * are authenticated by their signature, so it has no client secret.
	 * @param apiKey the API key's public key in hex
	 * @param exchangeUri the Exchange Permission Access Token endpoint
	 * @param refreshUri the Refresh Permission Access Token endpoint
	 * @return the registration, with id {@value #PERMISSION_TOKEN}
	 */
	public static ClientRegistration permissionTokens(String apiKey, String exchangeUri, String refreshUri) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey cannot be empty");
		}
		if (refreshUri == null || refreshUri.isBlank()) {
			throw new IllegalArgumentException("refreshUri cannot be empty");
		}
		return ClientRegistration.withRegistrationId(PERMISSION_TOKEN)
			.clientId(apiKey)
			.clientName("Cobo API key")
			.authorizationGrantType(CoboAuthorizationGrantTypes.PERMISSION_TOKEN)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.tokenUri(exchangeUri)
			.providerConfigurationMetadata(Map.of(CoboTokenRequests.PERMISSION_TOKEN_REFRESH_URI, refreshUri))
			.build();
	}

	/**
	 * @param registrationId a registration id, e.g. {@value #ORG_ACCESS_TOKEN}
	 * @return the registration with that id
	 * @throws IllegalArgumentException if there is none, naming the ids there are
	 */
	public ClientRegistration get(String registrationId) {
		return this.registrations.stream()
			.filter((registration) -> registration.getRegistrationId().equals(registrationId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No Cobo client registration '" + registrationId
					+ "'; there are " + this.registrations.stream().map(ClientRegistration::getRegistrationId).toList()));
	}

	/** @return a repository over these registrations, for the starter's managers and stores */
	public ClientRegistrationRepository repository() {
		return new InMemoryClientRegistrationRepository(this.registrations);
	}

	/** @return the registrations */
	public List<ClientRegistration> getRegistrations() {
		return this.registrations;
	}

}
