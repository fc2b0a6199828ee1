package dev.cobooauth.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnCoboKey}.
 */
class OnCoboKeyCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String prefix = (String) metadata.getAnnotationAttributes(ConditionalOnCoboKey.class.getName()).get("value");
		String property = keyProperty(context.getEnvironment(), prefix);
		if (property != null) {
			return ConditionOutcome.match(property + " is set");
		}
		return ConditionOutcome.noMatch("neither " + prefix + ".private-key nor " + prefix + ".private-key-location is set");
	}

	/**
	 * @param properties where to look
	 * @param prefix {@code cobo.app} or {@code cobo.api-key}
	 * @return the property that configures the key, or {@code null} when neither does
	 */
	static @Nullable String keyProperty(PropertyResolver properties, String prefix) {
		for (String property : new String[] { prefix + ".private-key", prefix + ".private-key-location" }) {
			String value = properties.getProperty(property);
			if (value != null && !value.isEmpty()) {
				return property;
			}
		}
		return null;
	}

}
