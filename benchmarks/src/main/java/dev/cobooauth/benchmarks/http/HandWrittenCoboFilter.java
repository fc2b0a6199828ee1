package dev.cobooauth.benchmarks.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The reactive twin of {@link HandWrittenCoboInterceptor}: the {@code ExchangeFilterFunction} a user
 * would write by hand for a GET (no body to sign): token from a map, request signed with
 * BouncyCastle, the answer's body read whole and its signature verified before the caller sees it.
 * It reuses the interceptor's signing and verification, so the two baselines do the same cryptography.
 */
final class HandWrittenCoboFilter implements ExchangeFilterFunction {

	private final HandWrittenCoboInterceptor crypto;

	private final Map<String, String> tokensByOrg;

	private final String org;

	/**
	 * @param crypto the signing and verification of the blocking baseline
	 * @param tokensByOrg access tokens by org id
	 * @param org the org every call is made for
	 */
	HandWrittenCoboFilter(HandWrittenCoboInterceptor crypto, Map<String, String> tokensByOrg, String org) {
		this.crypto = crypto;
		this.tokensByOrg = tokensByOrg;
		this.org = org;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		String nonce = Long.toString(System.currentTimeMillis());
		String query = request.url().getRawQuery();
		String content = request.method().name() + "|" + request.url().getRawPath() + "|" + nonce + "|"
				+ (query != null ? query : "") + "|";
		ClientRequest signed = ClientRequest.from(request).headers((headers) -> {
			headers.set("BIZ-API-KEY", this.crypto.apiKeyHex());
			headers.set("BIZ-API-NONCE", nonce);
			headers.set("BIZ-API-SIGNATURE", this.crypto.signatureHex(content.getBytes(StandardCharsets.UTF_8)));
			headers.setBearerAuth(this.tokensByOrg.get(this.org));
		}).build();
		return next.exchange(signed).flatMap((response) -> response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map((body) -> {
				this.crypto.verifyOrThrow(body, response.headers().asHttpHeaders());
				return response.mutate().body(new String(body, StandardCharsets.UTF_8)).build();
			}));
	}

}
