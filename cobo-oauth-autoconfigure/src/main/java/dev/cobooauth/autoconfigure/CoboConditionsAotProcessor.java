package dev.cobooauth.autoconfigure;

import java.util.Map;

import javax.lang.model.element.Modifier;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GeneratedMethod;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.javapoet.CodeBlock;

/**
 * Records, when an application using the starter is processed ahead of time, the
 * {@link CoboConditions} its beans were chosen by, and adds a check of them to its startup: an
 * initializer in a generated class of this package, {@code CoboConditions__BuildTime}, so that the
 * check stays package-private. Spring runs such initializers when it restores the bean definitions;
 * this one registers {@link CoboConditions#check} as a {@code BeanFactoryPostProcessor}, so that it
 * runs when the context is refreshed, before any other bean is created. Failing there rather than in
 * the initializer, the application is stopped as by any other invalid property: the context is
 * closed with what it started. Registered in {@code META-INF/spring/aot.factories}.
 */
class CoboConditionsAotProcessor implements BeanFactoryInitializationAotProcessor {

	static final String CHECK = "coboConditionsCheck";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(CoboProperties.class, true, false).length == 0
				|| !beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return null;
		}
		Map<String, String> atBuildTime = CoboConditions.seenIn(
				beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, Environment.class));
		return (generationContext, code) -> {
			GeneratedMethod registerCheck = generationContext.getGeneratedClasses()
				.addForFeatureComponent("BuildTime", CoboConditions.class,
						(type) -> type.addJavadoc("The cobo.* choices this application's beans were built with.")
							.addModifiers(Modifier.PUBLIC))
				.getMethods()
				.add("registerCheck", (method) -> method
					.addJavadoc("Registers the check that the application starts with the same choices.")
					.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
					.addParameter(DefaultListableBeanFactory.class, "beanFactory")
					.addParameter(Environment.class, "environment")
					.addStatement("$T check = new $T($T.class)", RootBeanDefinition.class, RootBeanDefinition.class,
							BeanFactoryPostProcessor.class)
					.addStatement("check.setRole($T.ROLE_INFRASTRUCTURE)", BeanDefinition.class)
					.addStatement("check.setInstanceSupplier(() -> $T.check(environment, $L))", CoboConditions.class,
							mapOf(atBuildTime))
					.addStatement("beanFactory.registerBeanDefinition($S, check)", CHECK));
			code.addInitializer(registerCheck.toMethodReference());
		};
	}

	private static CodeBlock mapOf(Map<String, String> entries) {
		CodeBlock.Builder map = CodeBlock.builder().add("$T.of(", Map.class);
		String separator = "";
		for (Map.Entry<String, String> entry : entries.entrySet()) {
			map.add(separator + "$S, $S", entry.getKey(), entry.getValue());
			separator = ", ";
		}
		return map.add(")").build();
	}

}
