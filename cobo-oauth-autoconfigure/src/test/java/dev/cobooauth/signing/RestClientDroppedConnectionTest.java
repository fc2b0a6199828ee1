package dev.cobooauth.signing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The contract through a {@link RestClient} built with {@link CoboRestClientConfigurer}, on each
 * request factory Boot can pick.
 */
@EnabledIf(value = "dev.cobooauth.signing.DroppedConnectionContract#everyHttpClientIsPresent",
		disabledReason = "runs in surefire's every-http-client execution")
class RestClientDroppedConnectionTest extends DroppedConnectionContract {

	static Stream<Named<Client>> clients() {
		return Stream.of(Named.of("JDK HttpClient", through(ClientHttpRequestFactoryBuilder.jdk())),
				Named.of("HttpURLConnection", through(ClientHttpRequestFactoryBuilder.simple())),
				Named.of("Apache HttpClient 5", through(ClientHttpRequestFactoryBuilder.httpComponents())),
				Named.of("Reactor Netty", through(ClientHttpRequestFactoryBuilder.reactor())));
	}

	private static Client through(ClientHttpRequestFactoryBuilder<?> requestFactories) {
		return (endpoint, signer, settings, method, path, body) -> {
			ClientHttpRequestFactory requestFactory = requestFactories.build(settings);
			AtomicInteger tokens = new AtomicInteger();
			ClientHttpRequestInterceptor authorization = (request, bytes, execution) -> {
				request.getHeaders().setBearerAuth("token-" + tokens.incrementAndGet());
				return execution.execute(request, bytes);
			};
			RestClient client = RestClient.builder()
				.requestFactory(requestFactory)
				.apply(CoboRestClientConfigurer.forAppKey(endpoint, signer, authorization))
				.build();
			try {
				RestClient.RequestBodySpec request = client.method(method).uri(path);
				if (body != null) {
					request.contentType(MediaType.APPLICATION_JSON).body(body);
				}
				return request.retrieve().body(String.class);
			}
			finally {
				if (requestFactory instanceof DisposableBean disposable) {
					disposable.destroy();
				}
			}
		};
	}

	@Override
	protected Class<? extends RuntimeException> ioFailure() {
		return ResourceAccessException.class;
	}

}
