package dev.cobooauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.PropertyResolver;

/**
 * The {@code cobo.*} properties the starter's conditions choose beans by: whether each key is set,
 * the token store's type, proactive refresh, and whether webhooks and problem details are on.
 * <p>
 * An application processed ahead of time (Spring AOT, and every native image) had its conditions
 * evaluated when it was built; at startup it only binds the values. Another choice at startup would
 * be ignored without a word ({@code cobo.token-store.type=jdbc} would keep tokens and webhook
 * deliveries in each instance's memory) or fail far from its cause (a signer without its key).
 * {@link CoboConditionsAotProcessor} records what the build saw, and {@link #check} stops a startup
 * that differs, naming the property, before any other bean is created. Each choice is recorded as its
 * condition reads it: a key only as {@value #SET} or {@value #NOT_SET}, so that generated code never
 * holds a key.
 */
final class CoboConditions {

	static final String SET = "set";

	static final String NOT_SET = "not set";

	private static final Map<String, Function<PropertyResolver, String>> CHOICES = choices();

	private CoboConditions() {
	}

	private static Map<String, Function<PropertyResolver, String>> choices() {
		Map<String, Function<PropertyResolver, String>> choices = new LinkedHashMap<>();
		choices.put("cobo.app.private-key", (properties) -> key(properties, "cobo.app"));
		choices.put("cobo.api-key.private-key", (properties) -> key(properties, "cobo.api-key"));
		choices.put("cobo.token-store.type", (properties) -> value(properties, "cobo.token-store.type", "memory"));
		choices.put("cobo.token.proactive-refresh",
				(properties) -> value(properties, "cobo.token.proactive-refresh", "false"));
		choices.put("cobo.webhook.enabled", (properties) -> value(properties, "cobo.webhook.enabled", "true"));
		choices.put("cobo.problem-details.enabled",
				(properties) -> value(properties, "cobo.problem-details.enabled", "true"));
		return choices;
	}

	private static String key(PropertyResolver properties, String prefix) {
		return (OnCoboKeyCondition.keyProperty(properties, prefix) != null) ? SET : NOT_SET;
	}

	// The conditions compare values ignoring case, and read a missing one as its default.
	private static String value(PropertyResolver properties, String property, String ifMissing) {
		return properties.getProperty(property, ifMissing).trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param properties the environment the conditions read
	 * @return each choice by the property named when it changes, in a fixed order
	 */
	static Map<String, String> seenIn(PropertyResolver properties) {
		Map<String, String> seen = new LinkedHashMap<>();
		CHOICES.forEach((property, choice) -> seen.put(property, choice.apply(properties)));
		return seen;
	}

	/**
	 * Runs {@link #checkUnchanged} when the context is refreshed, like the starter's other checks of
	 * its properties: a failure closes the context and what it started, and is analyzed.
	 * @param properties the environment the application starts with
	 * @param atBuildTime what {@link #seenIn} saw when the application was processed ahead of time
	 * @return the check, to register before any other bean is created
	 */
	static BeanFactoryPostProcessor check(PropertyResolver properties, Map<String, String> atBuildTime) {
		return (beanFactory) -> checkUnchanged(properties, atBuildTime);
	}

	/**
	 * @param properties the environment the application starts with
	 * @param atBuildTime what {@link #seenIn} saw when the application was processed ahead of time
	 * @throws InvalidConfigurationPropertyValueException naming the first property whose choice
	 * differs; for a key, the property is named by its prefix ({@code cobo.app}), so that Spring
	 * Boot's failure analysis, which shows the value the environment holds, never shows a key
	 */
	static void checkUnchanged(PropertyResolver properties, Map<String, String> atBuildTime) {
		Map<String, String> now = seenIn(properties);
		now.forEach((property, choice) -> {
			String built = atBuildTime.get(property);
			if (built != null && !built.equals(choice)) {
				String named = property.endsWith(".private-key")
						? property.substring(0, property.length() - ".private-key".length()) : property;
				throw new InvalidConfigurationPropertyValueException(named, choice, property + " is " + choice
						+ " here, but " + built + " when the application was processed ahead of time (Spring AOT), "
						+ "which chose its beans by it. Start it with the setting it was built with, or process it "
						+ "again with this one (properties reach spring-boot:process-aot through "
						+ "-Dspring-boot.aot.jvmArguments). Started without -Dspring.aot.enabled=true, a JVM evaluates "
						+ "the conditions at startup again.");
			}
		});
	}

}
