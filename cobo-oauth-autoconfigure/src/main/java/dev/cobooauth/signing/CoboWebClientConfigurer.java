package dev.cobooauth.signing;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes a {@link WebClient.Builder} talk to Cobo: sets the base URL and adds, in this order, the
 * retry of a dropped connection, the authorization filters (the Org Access Token, for an app key),
 * the resend of a request whose signature Cobo refused, response verification and request signing,
 * so that signing sees the bytes as they go on the wire and verification happens before anyone
 * reads a response. A request Cobo answers with 401 and {@code error_code} 2023 (a refused
 * signature, such as a nonce another instance sharing the key used first) was not processed: it is
 * signed afresh and sent once more, whatever its method. A GET or HEAD that got no response at
 * all because its connection went away (Cobo's load balancers close idle ones) is sent once more
 * through all of them, with the current token and a new signature; any other method, and any
 * request that timed out, fails with the connector's error. (After signing comes one more filter,
 * which changes nothing and only tells the retry whether the connector brought any response.)
 * A redirect is never followed: the endpoint's connector, if it has one, replaces the builder's,
 * and any 3xx answer fails the call with a {@link CoboRedirectException}.
 * Apply it with {@code WebClient.builder().apply(configurer)}; the beans
 * {@code coboWebClientConfigurer} and {@code coboApiKeyWebClientConfigurer} are two of them.
 */
public final class CoboWebClientConfigurer implements Consumer<WebClient.Builder> {

	/** The {@code WebClient} filter of each step, in the order of {@link CoboClientChain.Links}. */
	private static final CoboClientChain.Links<ExchangeFilterFunction> FILTERS = new CoboClientChain.Links<>(
			CoboCallFailures.Filter::new, DroppedConnectionRetryingExchangeFilterFunction::new,
			RefusedSignatureRetryingExchangeFilterFunction::new, CoboResponseVerifyingExchangeFilterFunction::new,
			CoboSigningExchangeFilterFunction::new, RedirectRefusingExchangeFilterFunction.INSTANCE,
			DroppedConnectionRetryingExchangeFilterFunction.WIRE);

	private final CoboClientChain<ExchangeFilterFunction> chain;

	private CoboWebClientConfigurer(CoboClientChain<ExchangeFilterFunction> chain) {
		this.chain = chain;
	}

	/**
	 * Cobo Auth: each request signed with an organization's API key, no bearer token.
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param apiKey the API key requests are signed with
	 * @return the configurer
	 */
	public static CoboWebClientConfigurer forApiKey(CoboEndpoint endpoint, CoboSigner apiKey) {
		return new CoboWebClientConfigurer(
				CoboClientChain.of(endpoint, apiKey, CoboSignatureMetrics.API_KEY, List.of()));
	}

	/**
	 * Cobo OAuth: each request signed with a Portal App's key, after the given filters have
	 * authorized it (an Org Access Token).
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param appKey the app key requests are signed with
	 * @param authorization filters that run first, in this order
	 * @return the configurer
	 */
	public static CoboWebClientConfigurer forAppKey(CoboEndpoint endpoint, CoboSigner appKey,
			ExchangeFilterFunction... authorization) {
		return new CoboWebClientConfigurer(
				CoboClientChain.of(endpoint, appKey, CoboSignatureMetrics.APP_KEY, List.of(authorization)));
	}

	@Override
	public void accept(WebClient.Builder builder) {
		CoboEndpoint endpoint = this.chain.endpoint();
		builder.baseUrl(endpoint.baseUrl().toString());
		boolean verifying = endpoint.verifiesResponses();
		builder.defaultStatusHandler(CoboCallFailures::isError,
				(response) -> CoboCallFailures.Filter.answer(verifying, response));
		endpoint.connector().ifPresent(builder::clientConnector);
		builder.filters((filters) -> this.chain.addTo(filters, FILTERS));
	}

}
