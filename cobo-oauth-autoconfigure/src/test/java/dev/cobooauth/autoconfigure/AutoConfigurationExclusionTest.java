package dev.cobooauth.autoconfigure;

import java.util.Arrays;
import java.util.List;

import dev.cobooauth.testsupport.TestKeys;
import dev.cobooauth.webhook.CoboApprovalHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application can exclude any of the starter's auto-configurations by class, as
 * {@code @SpringBootApplication(exclude = …)} or {@code spring.autoconfigure.exclude} do: with all the
 * others in place, none of its beans is defined.
 */
class AutoConfigurationExclusionTest {

	private static final String[] PROPERTIES = { "cobo.app.client-id=app-1",
			"cobo.app.private-key=" + TestKeys.APP_SECRET, "cobo.api-key.private-key=" + TestKeys.API_SECRET };

	static List<Class<?>> autoConfigurations() {
		return AutoConfigurationLayoutTest.listed();
	}

	private static WebApplicationContextRunner runner(List<Class<?>> autoConfigurations) {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(autoConfigurations.toArray(Class<?>[]::new)))
			.withPropertyValues(PROPERTIES)
			.withBean(CoboApprovalHandler.class, () -> (transaction) -> CoboApprovalHandler.Decision.DENY);
	}

	@ParameterizedTest
	@MethodSource("autoConfigurations")
	void excludedByClassItLeavesNoneOfItsBeans(Class<?> excluded) {
		List<Class<?>> all = autoConfigurations();
		runner(all).run((context) -> assertThat(context).hasNotFailed().hasBean(excluded.getName()));
		List<Class<?>> others = all.stream().filter((type) -> type != excluded).toList();
		runner(others).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(excluded.getName());
			assertThat(beansFrom(context, excluded)).isEmpty();
		});
	}

	/** The beans the class or one of its nested configurations defines. */
	private static List<String> beansFrom(AssertableWebApplicationContext context, Class<?> configuration) {
		ConfigurableListableBeanFactory beans = context.getSourceApplicationContext().getBeanFactory();
		return Arrays.stream(beans.getBeanDefinitionNames()).filter((name) -> {
			BeanDefinition definition = beans.getBeanDefinition(name);
			return isOf(configuration, name) || isOf(configuration, definition.getFactoryBeanName())
					|| isOf(configuration, definition.getBeanClassName());
		}).toList();
	}

	private static boolean isOf(Class<?> configuration, String name) {
		return name != null && (name.equals(configuration.getName()) || name.startsWith(configuration.getName() + "$"));
	}

}
