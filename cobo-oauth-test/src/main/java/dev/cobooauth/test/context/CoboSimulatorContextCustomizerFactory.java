package dev.cobooauth.test.context;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Turns {@link AutoConfigureCoboSimulator} on a test class (or an enclosing or super class) into a
 * context customizer. Registered in {@code META-INF/spring.factories}.
 */
public final class CoboSimulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureCoboSimulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureCoboSimulator.class);
		if (annotation == null) {
			return null;
		}
		if (annotation.clientId().isBlank()) {
			throw new IllegalStateException("@AutoConfigureCoboSimulator(clientId) on " + testClass.getName()
					+ " cannot be blank");
		}
		if (annotation.orgIds().length == 0) {
			throw new IllegalStateException("@AutoConfigureCoboSimulator(orgIds) on " + testClass.getName()
					+ " must name at least one org");
		}
		return new CoboSimulatorContextCustomizer(annotation.clientId(), List.of(annotation.orgIds()),
				annotation.responseHeaderSpelling());
	}

}
