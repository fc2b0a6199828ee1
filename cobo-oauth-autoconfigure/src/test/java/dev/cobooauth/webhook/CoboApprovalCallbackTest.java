package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboApprovalCallbackAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookAutoConfiguration;
import java.util.Map;

import dev.cobooauth.webhook.CoboWebhookContract.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cobo's transaction-approval callbacks to a Spring MVC application, through MockMvc.
 */
class CoboApprovalCallbackTest extends CoboApprovalCallbackContract {

	@Override
	protected void withApplication(CoboApprovalHandler handler, String[] properties,
			CoboWebhookContract.ApplicationTest test) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					CoboSigningAutoConfiguration.class, CoboDeliveryVerifierAutoConfiguration.class,
					CoboWebhookAutoConfiguration.class, CoboApprovalCallbackAutoConfiguration.class))
			.withPropertyValues(properties)
			.withBean(CoboApprovalHandler.class, () -> handler)
			.run(test::accept);
	}

	@Override
	protected Answer post(ApplicationContext context, String path, Map<String, String> headers, String body) {
		return ServletCoboWebhookTest.postTo(context, path, headers, body);
	}

	@Test
	void offersNoEndpointWithoutAHandler() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoboSigningAutoConfiguration.class,
					CoboDeliveryVerifierAutoConfiguration.class, CoboApprovalCallbackAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("coboApprovalCallbackRoute"));
	}

}
