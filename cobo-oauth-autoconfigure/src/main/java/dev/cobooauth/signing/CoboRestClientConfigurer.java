package dev.cobooauth.signing;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Makes a {@link RestClient.Builder} talk to Cobo: sets the base URL and adds, in this order, the
 * retry of a dropped connection, the authorization interceptors (the Org Access Token, for an app
 * key), the resend of a request whose signature Cobo refused, response verification and request
 * signing, so that signing sees the request exactly as it goes on the wire and verification happens
 * before anyone reads a response. A request Cobo answers with 401 and {@code error_code} 2023 (a
 * refused signature, such as a nonce another instance sharing the key used first) was not
 * processed: it is signed afresh and sent once more, whatever its method. A GET or HEAD that got
 * no response at all because its connection went away (Cobo's load balancers close idle ones) is
 * sent once more through all of them, with the current token and a new signature; any other
 * method, and any request that timed out, fails with the client's I/O error. (After signing comes
 * one more interceptor, which changes nothing and only tells the retry whether the connection
 * brought any response.) A redirect is never followed: the endpoint's request factory, if it has one,
 * replaces the builder's, and any 3xx answer fails the call with a {@link CoboRedirectException}.
 * Apply it with {@code RestClient.builder().apply(configurer)}; the beans
 * {@code coboRestClientConfigurer} and {@code coboApiKeyRestClientConfigurer} are two of them.
 */
public final class CoboRestClientConfigurer implements Consumer<RestClient.Builder> {

	/** The {@code RestClient} interceptor of each step, in the order of {@link CoboClientChain.Links}. */
	private static final CoboClientChain.Links<ClientHttpRequestInterceptor> INTERCEPTORS = new CoboClientChain.Links<>(
			CoboCallFailures.Interceptor::new, DroppedConnectionRetryingInterceptor::new,
			RefusedSignatureRetryingInterceptor::new, CoboResponseVerifyingInterceptor::new, CoboSigningInterceptor::new,
			RedirectRefusingInterceptor.INSTANCE, DroppedConnectionRetryingInterceptor.WIRE);

	private final CoboClientChain<ClientHttpRequestInterceptor> chain;

	private CoboRestClientConfigurer(CoboClientChain<ClientHttpRequestInterceptor> chain) {
		this.chain = chain;
	}

	/**
	 * Cobo Auth: each request signed with an organization's API key, no bearer token.
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param apiKey the API key requests are signed with
	 * @return the configurer
	 */
	public static CoboRestClientConfigurer forApiKey(CoboEndpoint endpoint, CoboSigner apiKey) {
		return new CoboRestClientConfigurer(
				CoboClientChain.of(endpoint, apiKey, CoboSignatureMetrics.API_KEY, List.of()));
	}

	/**
	 * Cobo OAuth: each request signed with a Portal App's key, after the given interceptors have
	 * authorized it (an Org Access Token).
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param appKey the app key requests are signed with
	 * @param authorization interceptors that run first, in this order; none for token requests. They
	 * see every error answer (4xx, 5xx) with its body buffered: they may read it and still return it
	 * @return the configurer
	 */
	public static CoboRestClientConfigurer forAppKey(CoboEndpoint endpoint, CoboSigner appKey,
			ClientHttpRequestInterceptor... authorization) {
		return new CoboRestClientConfigurer(
				CoboClientChain.of(endpoint, appKey, CoboSignatureMetrics.APP_KEY, List.of(authorization)));
	}

	@Override
	public void accept(RestClient.Builder builder) {
		CoboEndpoint endpoint = this.chain.endpoint();
		builder.baseUrl(endpoint.baseUrl().toString());
		builder.defaultStatusHandler(CoboCallFailures::isError,
				CoboCallFailures.restClientAnswers(endpoint.verifiesResponses()));
		endpoint.requestFactory().ifPresent(builder::requestFactory);
		builder.requestInterceptors((interceptors) -> this.chain.addTo(interceptors, INTERCEPTORS));
	}

}
