package dev.cobooauth.benchmarks.tokens;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;

import dev.cobooauth.autoconfigure.CoboOrgAccessTokenAutoConfiguration;
import dev.cobooauth.signing.CoboEndpoint;
import dev.cobooauth.signing.CoboRestClientConfigurer;
import dev.cobooauth.oauth2.CoboClientRegistrations;
import dev.cobooauth.oauth2.CoboOrgAccessTokens;
import dev.cobooauth.oauth2.InitialGrantOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.RefreshingOAuth2AuthorizedClientProvider;
import dev.cobooauth.oauth2.TokenExpiry;
import dev.cobooauth.oauth2.CoboTokenRequest;
import dev.cobooauth.oauth2.CoboTokenRequests;
import dev.cobooauth.oauth2.CoboTokenRetry;
import dev.cobooauth.oauth2.RestClientCoboTokenResponseClient;
import dev.cobooauth.oauth2.RetryingOAuth2AccessTokenResponseClient;
import dev.cobooauth.signing.CoboRequestSigner;

import org.springframework.context.ApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.web.client.RestClient;

/**
 * The baseline of the token-count harness: the starter's token machinery put together the way the
 * auto-configuration puts it together ({@code ServletTokenAssembly}), from the same beans (signer,
 * endpoint, registrations, expiry, retry), with one difference: Spring Security's
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} is used as it is, without the
 * starter's single-flight manager in front of it. Each caller that finds the token expired asks
 * Cobo itself, as with Spring Security's default setup.
 */
final class SpringDefaultOrgAccessTokens {

	private SpringDefaultOrgAccessTokens() {
	}

	static CoboOrgAccessTokens from(ApplicationContext application) {
		CoboClientRegistrations registrations = application.getBean(CoboClientRegistrations.class);
		TokenExpiry expiry = application.getBean(TokenExpiry.class);
		CoboTokenRetry retry = application.getBean(CoboTokenRetry.class);
		RestClient tokenClient = tokenClient(application);

		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(client(tokenClient, retry, CoboTokenRequests::refreshOrgToken));
		refresh.setClock(expiry.getClock());
		refresh.setClockSkew(expiry.getClockSkew());
		InitialGrantOAuth2AuthorizedClientProvider<?> orgImplicit = InitialGrantOAuth2AuthorizedClientProvider
			.orgImplicit(client(tokenClient, retry, CoboTokenRequests::orgImplicit), expiry);

		OAuth2AuthorizedClientService service = new InMemoryOAuth2AuthorizedClientService(registrations.repository());
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations.repository(), service);
		manager.setAuthorizedClientProvider(new RefreshingOAuth2AuthorizedClientProvider(refresh, orgImplicit, expiry));
		return new CoboOrgAccessTokens(manager, service, CoboClientRegistrations.ORG_ACCESS_TOKEN);
	}

	/** Signs with the app key and verifies Cobo's answers, with the default token timeouts. */
	private static RestClient tokenClient(ApplicationContext application) {
		CoboEndpoint endpoint = application.getBean(CoboEndpoint.class);
		CoboRequestSigner signer = application.getBean(CoboOrgAccessTokenAutoConfiguration.APP_REQUEST_SIGNER,
				CoboRequestSigner.class);
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requestFactory.setReadTimeout(Duration.ofSeconds(10));
		return application.getBean(RestClient.Builder.class)
			.requestFactory(requestFactory)
			.apply(new CoboRestClientConfigurer(endpoint, signer))
			.build();
	}

	private static <T extends AbstractOAuth2AuthorizationGrantRequest> OAuth2AccessTokenResponseClient<T> client(
			RestClient tokenClient, CoboTokenRetry retry, Function<T, CoboTokenRequest> requests) {
		return new RetryingOAuth2AccessTokenResponseClient<>(new RestClientCoboTokenResponseClient<>(tokenClient, requests),
				retry);
	}

}
