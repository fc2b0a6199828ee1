package dev.cobooauth.signing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The contract through a {@link WebClient} built with {@link CoboWebClientConfigurer}, on each
 * connector Boot can pick that the issue names: Reactor Netty and the JDK's client.
 */
@EnabledIf(value = "dev.cobooauth.signing.DroppedConnectionContract#everyHttpClientIsPresent",
		disabledReason = "runs in surefire's every-http-client execution")
class WebClientDroppedConnectionTest extends DroppedConnectionContract {

	static Stream<Named<Client>> clients() {
		return Stream.of(Named.of("Reactor Netty", through(ClientHttpConnectorBuilder.reactor())),
				Named.of("JDK HttpClient", through(ClientHttpConnectorBuilder.jdk())));
	}

	private static Client through(ClientHttpConnectorBuilder<?> connectors) {
		return (endpoint, signer, settings, method, path, body) -> {
			AtomicInteger tokens = new AtomicInteger();
			ExchangeFilterFunction authorization = (request, next) -> next.exchange(ClientRequest.from(request)
				.headers((headers) -> headers.setBearerAuth("token-" + tokens.incrementAndGet()))
				.build());
			WebClient client = WebClient.builder()
				.clientConnector(connectors.build(settings))
				.apply(CoboWebClientConfigurer.forAppKey(endpoint, signer, authorization))
				.build();
			WebClient.RequestBodySpec request = client.method(method).uri(path);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
			}
			return request.retrieve().bodyToMono(String.class).block();
		};
	}

	@Override
	protected Class<? extends RuntimeException> ioFailure() {
		return WebClientRequestException.class;
	}

}
