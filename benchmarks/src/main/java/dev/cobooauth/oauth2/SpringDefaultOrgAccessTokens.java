package dev.cobooauth.oauth2;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.cobooauth.autoconfigure.CoboProperties;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.signing.CoboSigner;

import org.springframework.context.ApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;

/**
 * The baseline of the token-count harness: the starter's token machinery put together the way the
 * starter puts it together ({@code TokenAssembly}), from the application's same beans and settings
 * (the app key's signer, the endpoint, {@code coboClock}, {@code cobo.app.client-id} and
 * {@code cobo.token.*}), with one difference: Spring Security's
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} is used as it is, without the
 * starter's single-flight manager in front of it. Each caller that finds the token expired asks
 * Cobo itself, as with Spring Security's default setup.
 * <p>
 * It is built from the starter's package-private parts on purpose (the providers, the retrying token
 * clients, {@code TokenExpiry}, {@code CoboClientRegistrations}): no public API offers the engine
 * without its single flight, nor should it. So it lives in the starter's package
 * {@code dev.cobooauth.oauth2}; this benchmarks module is never published, and nothing here is API.
 */
public final class SpringDefaultOrgAccessTokens {

	/** The bean signing with the Portal App's key, named in {@link CoboSigner}'s Javadoc. */
	private static final String APP_KEY_SIGNER = "coboAppKeySigner";

	/** The clock of every time decision of the starter, replaceable by name. */
	private static final String CLOCK = "coboClock";

	/** How long Cobo's Org refresh tokens live, as the starter takes it. */
	private static final Duration ORG_REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);

	private final OAuth2AuthorizedClientManager manager;

	private SpringDefaultOrgAccessTokens(OAuth2AuthorizedClientManager manager) {
		this.manager = manager;
	}

	/**
	 * @param application a running application with the starter's Org Access Tokens
	 * @return the same machinery as its {@code coboOrgAccessTokens}, under Spring Security's manager
	 */
	public static SpringDefaultOrgAccessTokens from(ApplicationContext application) {
		CoboProperties properties = application.getBean(CoboProperties.class);
		CoboProperties.Token settings = properties.getToken();
		CoboEndpoint endpoint = application.getBean(CoboEndpoint.class);
		CoboClientRegistrations registrations = new CoboClientRegistrations(List.of(CoboClientRegistrations
			.portalApp(properties.getApp().getClientId(), endpoint.resolve("/oauth/token"))));
		Clock clock = application.getBean(CLOCK, Clock.class);
		TokenExpiry expiry = new TokenExpiry(clock, settings.getClockSkew(), ORG_REFRESH_TOKEN_LIFETIME);
		CoboTokenRetry retry = new CoboTokenRetry(settings.getRetry().getMaxAttempts(),
				settings.getRetry().getInitialBackoff(), settings.getRetry().getMaxBackoff());
		RestClient tokenClient = tokenClient(application, endpoint, settings);

		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(client(tokenClient, CoboTokenRequests::refreshOrgToken, clock, retry, endpoint));
		refresh.setClock(clock);
		refresh.setClockSkew(expiry.getClockSkew());
		InitialGrantOAuth2AuthorizedClientProvider<?> orgImplicit = new InitialGrantOAuth2AuthorizedClientProvider<>(
				InitialGrant.orgImplicit(), client(tokenClient, CoboTokenRequests::orgImplicit, clock, retry, endpoint), expiry,
				CoboTokenObservations.NOOP);

		OAuth2AuthorizedClientService service = new InMemoryOAuth2AuthorizedClientService(registrations.repository());
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations.repository(), service);
		manager.setAuthorizedClientProvider(
				new RefreshingOAuth2AuthorizedClientProvider(refresh, orgImplicit, expiry, CoboTokenObservations.NOOP));
		return new SpringDefaultOrgAccessTokens(manager);
	}

	/**
	 * As {@link CoboOrgAccessTokens#getAccessToken(String)}: the org is the principal.
	 * @param orgId the organization
	 * @return a valid Org Access Token for it
	 */
	public OAuth2AccessToken getAccessToken(String orgId) {
		OAuth2AuthorizedClient client = this.manager.authorize(
				OAuth2AuthorizeRequest.withClientRegistrationId(CoboClientRegistrations.ORG_ACCESS_TOKEN)
					.principal(orgId)
					.build());
		if (client == null) {
			throw new IllegalStateException("No Org Access Token could be obtained for org " + orgId);
		}
		return client.getAccessToken();
	}

	/** Signs with the app key and verifies Cobo's answers, with the token request timeouts. */
	private static RestClient tokenClient(ApplicationContext application, CoboEndpoint endpoint,
			CoboProperties.Token settings) {
		CoboSigner appKey = application.getBean(APP_KEY_SIGNER, CoboSigner.class);
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.getConnectTimeout()).build());
		requestFactory.setReadTimeout(settings.getReadTimeout());
		return application.getBean(RestClient.Builder.class)
			.clone()
			.requestFactory(requestFactory)
			.apply(CoboRestClientConfigurer.forAppKey(endpoint, appKey))
			.build();
	}

	private static <T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> client(
			RestClient tokenClient, Function<T, CoboTokenRequest> requests, Clock clock, CoboTokenRetry retry,
			CoboEndpoint endpoint) {
		return new RetryingOAuth2AccessTokenResponseClient<>(new RestClientCoboTokenResponseClient<>(tokenClient,
				requests, clock, endpoint::isSigned, retry.getMaxBackoff()), retry);
	}

}
