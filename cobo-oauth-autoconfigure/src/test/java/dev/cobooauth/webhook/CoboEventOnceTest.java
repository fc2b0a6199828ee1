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
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * {@code @VerifiedCoboDelivery CoboEvent} on Spring MVC, through MockMvc.
 */
class CoboEventOnceTest extends CoboEventOnceContract {

	@Override
	protected void withApplication(Clock clock, String[] properties, EventTest test) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					DataSourceAutoConfiguration.class, CoboSigningAutoConfiguration.class,
					CoboDeliveryVerifierAutoConfiguration.class, CoboWebhookAutoConfiguration.class,
					CoboHandledEventsAutoConfiguration.class, CoboWebhookEventAutoConfiguration.class))
			.withUserConfiguration(EventHandler.class)
			.withBean("coboClock", Clock.class, () -> clock)
			.withPropertyValues(properties)
			.run(test::accept);
	}

	/** MockMvc throws the handler's exception that a servlet container would answer with 500. */
	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		try {
			return ServletCoboWebhookTest.postTo(context, path, headers, body);
		}
		catch (IllegalStateException ex) {
			if (!"The handler failed".equals(rootCause(ex).getMessage())) {
				throw ex;
			}
			return new Answer(500, null, ex.getMessage());
		}
	}

	private static Throwable rootCause(Throwable ex) {
		return (ex.getCause() != null) ? rootCause(ex.getCause()) : ex;
	}

}
