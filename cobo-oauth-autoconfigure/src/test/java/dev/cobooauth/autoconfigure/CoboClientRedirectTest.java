package dev.cobooauth.autoconfigure;


import dev.cobooauth.signing.CoboRedirectException;
import dev.cobooauth.testsupport.TestKeys;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Cobo client never follows a redirect, whichever HTTP client Spring Boot picks for it and
 * although Boot's own follow redirects by default: a 302 to another server is an error of its own,
 * and the other server never sees the signed request.
 */
@EnabledIf(value = "dev.cobooauth.signing.DroppedConnectionContract#everyHttpClientIsPresent",
		disabledReason = "runs in surefire's every-http-client execution")
class CoboClientRedirectTest {

	@StartStop
	private final MockWebServer cobo = new MockWebServer();

	@StartStop
	private final MockWebServer elsewhere = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, WebClientAutoConfiguration.class, CoboSigningAutoConfiguration.class,
				CoboApiKeyClientsAutoConfiguration.class))
		.withPropertyValues("cobo.api-key.private-key=" + TestKeys.API_SECRET,
				"cobo.response-verification.public-key=" + TestKeys.coboPublicKey());

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "simple", "http-components", "reactor" })
	void restClientRefusesARedirectOnEveryRequestFactory(String factory) throws Exception {
		this.cobo.enqueue(redirect());
		this.runner.withPropertyValues("cobo.base-url=" + this.cobo.url("/v2"),
				"spring.http.clients.imperative.factory=" + factory).run((context) -> {
					RestClient client = context.getBean("coboApiKeyRestClient", RestClient.class);

					assertThatThrownBy(() -> client.get().uri("/wallets").retrieve().body(String.class))
						.isInstanceOf(CoboRedirectException.class);
				});
		assertThat(this.elsewhere.getRequestCount()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdk", "reactor" })
	void webClientRefusesARedirectOnEveryConnector(String connector) throws Exception {
		this.cobo.enqueue(redirect());
		this.runner.withPropertyValues("cobo.base-url=" + this.cobo.url("/v2"),
				"spring.http.clients.reactive.connector=" + connector).run((context) -> {
					WebClient client = context.getBean("coboApiKeyWebClient", WebClient.class);

					assertThatThrownBy(() -> client.get().uri("/wallets").retrieve().bodyToMono(String.class).block())
						.isInstanceOf(CoboRedirectException.class);
				});
		assertThat(this.elsewhere.getRequestCount()).isZero();
	}

	private MockResponse redirect() {
		return new MockResponse.Builder().code(302)
			.addHeader("Location", this.elsewhere.url("/v2/wallets").toString())
			.build();
	}


}
