package dev.cobooauth.oauth2;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;

/**
 * The reactive twin of {@link CoboPermissionTokens}: works outside any {@code ServerWebExchange}.
 */
public class ReactiveCoboPermissionTokens {

	private final ReactiveOAuth2AuthorizedClientManager manager;

	private final String registrationId;

	private final String principalName;

	/**
	 * @param manager the starter's reactive manager, whose provider implements the permission token
	 * grant
	 * @param registrationId the API key's registration id
	 * @param principalName the name the token is stored under, the API key's public key in hex
	 */
	public ReactiveCoboPermissionTokens(ReactiveOAuth2AuthorizedClientManager manager, String registrationId,
			String principalName) {
		if (manager == null || registrationId == null) {
			throw new IllegalArgumentException("manager and registrationId cannot be null");
		}
		if (principalName == null || principalName.isBlank()) {
			throw new IllegalArgumentException("principalName cannot be empty");
		}
		this.manager = manager;
		this.registrationId = registrationId;
		this.principalName = principalName;
	}

	/**
	 * @return a Permission Access Token that is not due, or a
	 * {@link org.springframework.security.oauth2.client.ClientAuthorizationException} if Cobo refuses
	 */
	public Mono<PermissionAccessToken> current() {
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId)
			.principal(this.principalName)
			.build();
		return this.manager.authorize(request)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No Permission Access Token could be obtained: "
					+ "registration '" + this.registrationId + "' is not a permission token registration")))
			.map((client) -> PermissionAccessToken.of(client.getAccessToken()));
	}

	/** @return the API key's registration id */
	public String getRegistrationId() {
		return this.registrationId;
	}

}
