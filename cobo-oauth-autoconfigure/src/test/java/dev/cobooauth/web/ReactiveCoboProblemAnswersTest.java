package dev.cobooauth.web;

import dev.cobooauth.autoconfigure.CoboProblemDetailsAutoConfiguration;
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
 * Cobo's failures answered by a Spring WebFlux application, through WebTestClient.
 */
class ReactiveCoboProblemAnswersTest extends CoboProblemAnswersContract {

	@Override
	protected void withApplication(Class<?>[] userConfigurations, String[] properties, ApplicationTest test) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebFluxAutoConfiguration.class, CoboProblemDetailsAutoConfiguration.class))
			.withUserConfiguration(Calls.class)
			.withUserConfiguration(userConfigurations)
			.withPropertyValues(properties)
			.run(test::accept);
	}

	@Override
	protected Answer get(ApplicationContext context, String path) {
		EntityExchangeResult<String> result = WebTestClient.bindToApplicationContext(context)
			.build()
			.get()
			.uri(path)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		MediaType contentType = result.getResponseHeaders().getContentType();
		return new Answer(result.getStatus().value(), (contentType != null) ? contentType.toString() : null,
				result.getResponseBody());
	}

}
