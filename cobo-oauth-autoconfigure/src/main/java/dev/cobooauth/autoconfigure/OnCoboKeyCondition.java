package dev.cobooauth.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnCoboKey}.
 */
class OnCoboKeyCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String prefix = (String) metadata.getAnnotationAttributes(ConditionalOnCoboKey.class.getName()).get("value");
		Environment environment = context.getEnvironment();
		for (String property : new String[] { prefix + ".private-key", prefix + ".private-key-location" }) {
			String value = environment.getProperty(property);
			if (value != null && !value.isEmpty()) {
				return ConditionOutcome.match(property + " is set");
			}
		}
		return ConditionOutcome.noMatch("neither " + prefix + ".private-key nor " + prefix + ".private-key-location is set");
	}

}
