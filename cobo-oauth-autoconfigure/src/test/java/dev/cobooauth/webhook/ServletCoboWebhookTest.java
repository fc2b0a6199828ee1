package dev.cobooauth.webhook;

import dev.cobooauth.autoconfigure.CoboDeliveryVerifierAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboSigningAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookAutoConfiguration;
import dev.cobooauth.autoconfigure.CoboWebhookGuardAutoConfiguration;
import java.util.Map;


import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Cobo's deliveries to a Spring MVC application, through MockMvc.
 */
class ServletCoboWebhookTest extends CoboWebhookContract {

	/** @return a Spring MVC application with the webhook handlers of the contract */
	static WebApplicationContextRunner application() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					CoboSigningAutoConfiguration.class, CoboDeliveryVerifierAutoConfiguration.class,
					CoboWebhookAutoConfiguration.class, CoboWebhookGuardAutoConfiguration.class))
			.withUserConfiguration(Callbacks.class);
	}

	@Override
	protected void withApplication(String[] properties, ApplicationTest test) {
		application().withPropertyValues(properties).run(test::accept);
	}

	@Override
	protected void withApplicationExcludingWebhooks(ApplicationTest test) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
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
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).content(body);
		headers.forEach(request::header);
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			return new Answer(response.getStatus(), response.getContentType(), response.getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
