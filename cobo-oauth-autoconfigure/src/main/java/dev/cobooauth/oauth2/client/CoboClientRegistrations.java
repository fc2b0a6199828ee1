package dev.cobooauth.oauth2.client;

import java.util.List;

import dev.cobooauth.oauth2.CoboAuthorizationGrantTypes;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The starter's own client registrations, kept apart from the application's
 * {@code spring.security.oauth2.client.registration.*}: Spring Security never sees them, so it
 * wires nothing of Cobo's into the application's own OAuth2 client setup.
 */
public final class CoboClientRegistrations {

	/** Registration id of the Portal App (Org Access Tokens). */
	public static final String ORG_ACCESS_TOKEN = "cobo";

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

	/** @return a repository over these registrations, for the starter's managers and stores */
	public ClientRegistrationRepository repository() {
		return new InMemoryClientRegistrationRepository(this.registrations);
	}

	/** @return the registrations */
	public List<ClientRegistration> getRegistrations() {
		return this.registrations;
	}

}
