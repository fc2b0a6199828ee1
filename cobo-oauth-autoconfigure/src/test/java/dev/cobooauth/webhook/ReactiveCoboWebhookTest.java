package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookGuardAutoConfiguration;
import java.util.Map;


import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Cobo's deliveries to a Spring WebFlux application, through WebTestClient.
 */
class ReactiveCoboWebhookTest extends CoboWebhookContract {

	/** @return a Spring WebFlux application with the webhook handlers of the contract */
	static ReactiveWebApplicationContextRunner application() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebFluxAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboDeliveryVerifierAutoConfiguration.class, CoboWebhookAutoConfiguration.class, CoboWebhookGuardAutoConfiguration.class))
			.withUserConfiguration(Callbacks.class);
	}

	@Override
	protected void withApplication(String[] properties, ApplicationTest test) {
		application().withPropertyValues(properties).run(test::accept);
	}

	@Override
	protected void withApplicationExcludingWebhooks(ApplicationTest test) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebFluxAutoConfiguration.class,
					CoboSigningAutoConfiguration.class, CoboDeliveryVerifierAutoConfiguration.class,
					CoboWebhookGuardAutoConfiguration.class))
			.withUserConfiguration(Callbacks.class)
			.run(test::accept);
	}

	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		return postTo(context, path, headers, body);
	}

	static Answer postTo(ApplicationContext context, String path, Map<String, String> headers, String body) {
		EntityExchangeResult<String> result = WebTestClient.bindToApplicationContext(context)
			.build()
			.post()
			.uri(path)
			.headers((http) -> headers.forEach(http::set))
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		MediaType contentType = result.getResponseHeaders().getContentType();
		return new Answer(result.getStatus().value(), (contentType != null) ? contentType.toString() : null,
				result.getResponseBody());
	}

}
