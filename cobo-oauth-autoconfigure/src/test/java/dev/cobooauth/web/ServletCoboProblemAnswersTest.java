package dev.cobooauth.web;

import dev.cobooauth.autoconfigure.CoboProblemDetailsAutoConfiguration;
import jakarta.servlet.ServletException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Cobo's failures answered by a Spring MVC application, through MockMvc.
 */
class ServletCoboProblemAnswersTest extends CoboProblemAnswersContract {

	@Override
	protected void withApplication(Class<?>[] userConfigurations, String[] properties, ApplicationTest test) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					CoboProblemDetailsAutoConfiguration.class))
			.withUserConfiguration(Calls.class)
			.withUserConfiguration(userConfigurations)
			.withPropertyValues(properties)
			.run(test::accept);
	}

	@Override
	protected Answer get(ApplicationContext context, String path) {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
		try {
			MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse();
			return new Answer(response.getStatus(), response.getContentType(), response.getContentAsString());
		}
		catch (ServletException ex) {
			// MockMvc has no container to turn an exception no handler answered into its 500.
			return new Answer(500, null, String.valueOf(ex.getMessage()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
