package dev.cobooauth.benchmarks.http;

import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.cobooauth.benchmarks.support.CoboApplication;
import dev.cobooauth.benchmarks.support.FakeCobo;
import dev.cobooauth.oauth2.CoboOrg;
import dev.cobooauth.test.TestKeyPair;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The three clients an authorized-call benchmark compares, on one HTTP client and one Boot builder:
 * a plain client (no Cobo work at all), the hand-written baseline a user would write instead of the
 * starter (sign, verify, token from a map) and the starter's own bean. Each is a call of
 * {@code GET /v2/wallets} that answers the body.
 *
 * @param plain a plain client from the application's builder
 * @param handWritten the same builder with the hand-written interceptor or filter
 * @param cobo the starter's {@code coboRestClient} or {@code coboWebClient}
 */
record ThreeClients(Supplier<String> plain, Supplier<String> handWritten, Supplier<String> cobo) {

	/** The org every authorized call acts for. */
	static final String ORG = "org-bench";

	/** Already canonical, so the signing interceptors send it as it is. */
	static final String URI_TEMPLATE = "/wallets?wallet_type=Custodial&limit=10";

	private static final Map<String, String> HAND_WRITTEN_TOKENS = Map.of(ORG, "hand-written-token");

	/**
	 * @param application the running application with the starter
	 * @param server the fake Cobo it calls
	 * @param appKey the app key the application was started with
	 * @param provider the JCA provider of the hand-written baseline's cryptography, {@code null} for BouncyCastle
	 * @return the three {@code RestClient}s, on the HTTP client the application was started with
	 */
	static ThreeClients restClients(ConfigurableApplicationContext application, FakeCobo server, TestKeyPair appKey,
			@Nullable Provider provider) {
		RestClient cobo = application.getBean("coboRestClient", RestClient.class);
		RestClient plain = application.getBean(RestClient.Builder.class).baseUrl(server.baseUrl()).build();
		RestClient handWritten = application.getBean(RestClient.Builder.class)
			.baseUrl(server.baseUrl())
			.bufferContent((uri, method) -> true)
			.requestInterceptor(handWrittenCrypto(server, appKey, provider))
			.build();
		return new ThreeClients(() -> plain.get().uri(URI_TEMPLATE).retrieve().body(String.class),
				() -> handWritten.get().uri(URI_TEMPLATE).retrieve().body(String.class),
				() -> cobo.get().uri(URI_TEMPLATE).attributes(CoboOrg.id(ORG)).retrieve().body(String.class));
	}

	/**
	 * @param application the running application with the starter
	 * @param server the fake Cobo it calls
	 * @param appKey the app key the application was started with
	 * @param provider the JCA provider of the hand-written baseline's cryptography, {@code null} for BouncyCastle
	 * @return the three {@code WebClient}s (Reactor Netty), each call blocked on
	 */
	static ThreeClients webClients(ConfigurableApplicationContext application, FakeCobo server, TestKeyPair appKey,
			@Nullable Provider provider) {
		WebClient cobo = application.getBean("coboWebClient", WebClient.class);
		WebClient.Builder builder = application.getBean(WebClient.Builder.class);
		WebClient plain = builder.clone().baseUrl(server.baseUrl()).build();
		WebClient handWritten = builder.clone()
			.baseUrl(server.baseUrl())
			.filter(new HandWrittenCoboFilter(handWrittenCrypto(server, appKey, provider), HAND_WRITTEN_TOKENS, ORG))
			.build();
		return new ThreeClients(() -> plain.get().uri(URI_TEMPLATE).retrieve().bodyToMono(String.class).block(),
				() -> handWritten.get().uri(URI_TEMPLATE).retrieve().bodyToMono(String.class).block(),
				() -> cobo.get()
					.uri(URI_TEMPLATE)
					.attributes(CoboOrg.id(ORG))
					.retrieve()
					.bodyToMono(String.class)
					.block());
	}

	private static HandWrittenCoboInterceptor handWrittenCrypto(FakeCobo server, TestKeyPair appKey,
			@Nullable Provider provider) {
		return new HandWrittenCoboInterceptor(appKey.privateKeyHex(), server.responsePublicKeyHex(), HAND_WRITTEN_TOKENS,
				ORG, provider);
	}

	/** @return the three, in the order a round calls them from its first: plain, hand-written, starter */
	List<Supplier<String>> inTurn() {
		return List.of(this.plain, this.handWritten, this.cobo);
	}

	/**
	 * Makes one call with each; the first call of the starter's client fetches the org's token.
	 * @throws IllegalStateException unless all three answer the fake Cobo's body
	 */
	void checkSameAnswer() {
		String cobo = this.cobo.get();
		if (!FakeCobo.WALLETS_BODY.equals(cobo) || !cobo.equals(this.plain.get()) || !cobo.equals(this.handWritten.get())) {
			throw new IllegalStateException("The three clients do not get the same answer");
		}
	}

}
