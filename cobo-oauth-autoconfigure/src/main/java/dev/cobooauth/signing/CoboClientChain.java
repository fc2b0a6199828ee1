package dev.cobooauth.signing;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@link CoboRestClientConfigurer} and {@link CoboWebClientConfigurer} share: the endpoint,
 * the signer of one key, the authorization links, and the order in which the links of a call to
 * Cobo run, whichever client makes it. Each configurer names its client's link for every step.
 *
 * @param <L> a link of the client's chain: an interceptor, or a filter
 */
final class CoboClientChain<L> {

	/**
	 * The links of one client, one for each step of the chain.
	 *
	 * @param callFailures makes the link that marks failures as Cobo's
	 * @param droppedConnectionRetry makes the retry of a request whose connection went away
	 * @param refusedSignatureRetry makes the resend of a request whose signature Cobo refused
	 * @param responseVerification makes the link that verifies every answer
	 * @param signing makes the link that signs every request
	 * @param redirectRefusal the link that refuses to follow a redirect
	 * @param wire the link that tells the retry whether the connection brought any answer
	 * @param <L> a link of the client's chain
	 */
	record Links<L>(Supplier<L> callFailures, Supplier<L> droppedConnectionRetry, Supplier<L> refusedSignatureRetry,
			Function<CoboResponseVerifier, L> responseVerification, Function<CoboRequestSigner, L> signing,
			L redirectRefusal, L wire) {
	}

	private final CoboEndpoint endpoint;

	private final CoboRequestSigner signer;

	private final List<L> authorization;

	private CoboClientChain(CoboEndpoint endpoint, CoboRequestSigner signer, List<L> authorization) {
		this.endpoint = endpoint;
		this.signer = signer;
		this.authorization = authorization;
	}

	/**
	 * @param endpoint where Cobo is and how its responses are verified
	 * @param key the key requests are signed with
	 * @param keyKind the kind of key, for the signature metrics
	 * @param authorization links that authorize each request, in this order
	 * @param <L> a link of the client's chain
	 * @return the chain
	 */
	static <L> CoboClientChain<L> of(CoboEndpoint endpoint, CoboSigner key, String keyKind, List<L> authorization) {
		Arguments.requireNonNull(endpoint, "endpoint");
		Arguments.requireNonNull(key, "key");
		return new CoboClientChain<>(endpoint, endpoint.requestSigner(key, keyKind), List.copyOf(authorization));
	}

	/** @return where Cobo is */
	CoboEndpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Adds the links of a call to Cobo to a client's chain, first the outermost.
	 * @param chain the client's interceptors or filters
	 * @param links the client's link for each step
	 */
	void addTo(List<L> chain, Links<L> links) {
		chain.add(links.callFailures().get());
		chain.add(links.droppedConnectionRetry().get());
		chain.addAll(this.authorization);
		chain.add(links.refusedSignatureRetry().get());
		this.endpoint.responseVerifier()
			.ifPresent((verifier) -> chain.add(links.responseVerification().apply(verifier)));
		chain.add(links.signing().apply(this.signer));
		chain.add(links.redirectRefusal());
		chain.add(links.wire());
	}

}
