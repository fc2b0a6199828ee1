package dev.cobooauth.webhook;

import java.time.Clock;
import java.util.Map;

import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import dev.cobooauth.webhook.CoboWebhookContract.ApplicationTest;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * Cobo's deliveries to two instances of a Spring MVC application sharing a database.
 */
class ServletClusteredCoboWebhookTest extends ClusteredCoboWebhookContract {

	@Override
	protected void withInstance(String[] properties, Clock clock, ApplicationTest test) {
		ServletCoboWebhookTest.application()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withBean("coboClock", Clock.class, () -> clock)
			.withPropertyValues(properties)
			.run(test::accept);
	}

	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		return ServletCoboWebhookTest.postTo(context, path, headers, body);
	}

}
