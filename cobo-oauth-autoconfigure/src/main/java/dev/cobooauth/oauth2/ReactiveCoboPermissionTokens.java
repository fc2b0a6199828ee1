package dev.cobooauth.oauth2;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;

/**
 * The reactive face of {@link CoboPermissionTokens}, over the same token engine: works outside any
 * {@code ServerWebExchange}, emits a cached token on the subscriber's thread and never blocks one
 * that waits. Inject the {@code coboReactivePermissionTokens} bean, or get it from
 * {@link CoboTokens#reactivePermissionTokens()}.
 */
public class ReactiveCoboPermissionTokens {

	private final SingleFlightReactiveOAuth2AuthorizedClientManager manager;

	private final OAuth2AuthorizeRequest request;

	ReactiveCoboPermissionTokens(SingleFlightOAuth2AuthorizedClientManager engine, String registrationId,
			String principalName) {
		this.manager = new SingleFlightReactiveOAuth2AuthorizedClientManager(engine);
		this.request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId).principal(principalName).build();
	}

	/**
	 * @return a Permission Access Token that is not due, or a
	 * {@link org.springframework.security.oauth2.client.ClientAuthorizationException} if Cobo refuses
	 */
	public Mono<PermissionAccessToken> current() {
		return this.manager.authorize(this.request)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("No Permission Access Token could be obtained: "
					+ "registration '" + getRegistrationId() + "' is not a permission token registration")))
			.map((client) -> PermissionAccessToken.of(client.getAccessToken()));
	}

	/** @return the API key's registration id */
	public String getRegistrationId() {
		return this.request.getClientRegistrationId();
	}

}
