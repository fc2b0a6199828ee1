package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboHandledEventsAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookEventAutoConfiguration;
import java.time.Clock;
import java.util.Map;

import dev.cobooauth.webhook.CoboWebhookContract.Answer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * {@code @VerifiedCoboDelivery CoboEvent} on Spring WebFlux, through WebTestClient bound to the
 * application (its WebFilters and exception handlers included); on PostgreSQL the claims run on
 * Spring Boot's {@code applicationTaskExecutor}.
 */
class ReactiveCoboEventOnceTest extends CoboEventOnceContract {

	@Override
	protected void withApplication(Clock clock, String[] properties, EventTest test) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebFluxAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
					DataSourceAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboDeliveryVerifierAutoConfiguration.class, CoboWebhookAutoConfiguration.class,
					CoboHandledEventsAutoConfiguration.class, CoboWebhookEventAutoConfiguration.class))
			.withUserConfiguration(EventHandler.class)
			.withBean("coboClock", Clock.class, () -> clock)
			.withPropertyValues(properties)
			.run(test::accept);
	}

	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		return ReactiveCoboWebhookTest.postTo(context, path, headers, body);
	}

}
