package dev.cobooauth.samples.checkout;

import java.time.Clock;
import java.util.Map;

import dev.cobooauth.oauth2.ReactiveCoboPermissionTokens;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands the front end a valid Permission Access Token for Cobo's Checkout SDK. The starter exchanges
 * or refreshes it only when needed; the API key never leaves the server.
 */
@RestController
class CheckoutTokenController {

	private final ReactiveCoboPermissionTokens tokens;

	private final Clock clock = Clock.systemUTC();

	CheckoutTokenController(ReactiveCoboPermissionTokens tokens) {
		this.tokens = tokens;
	}

	/** {@code {access_token, expires_in}} of the current Permission Access Token. */
	@GetMapping("/checkout/token")
	Mono<Map<String, Object>> token() {
		return this.tokens.current()
			.map((token) -> Map.of("access_token", token.accessToken(), "expires_in",
					token.expiresInSeconds(this.clock)));
	}

}
