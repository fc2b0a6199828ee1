package dev.cobooauth.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a {@code cobo.*} property that names something that does not exist, such as
 * {@code cobo.env=staging} or {@code cobo.app.key-type=rsa}: the value given, where it was given, and
 * the values there are. Other binding failures are left to Spring Boot's own analyzer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoboBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String name = cause.getName().toString();
		Class<?> type = cause.getTarget().getType().resolve();
		if (!name.startsWith("cobo.") || type == null || !type.isEnum()) {
			return null;
		}
		String values = Arrays.stream(type.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
		ConfigurationProperty property = cause.getProperty();
		String given = (property != null) ? "'" + property.getValue() + "'" : "a value";
		String origin = (property != null && property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "";
		String action = "Set " + name + " to one of: " + values + ".";
		if (name.equals("cobo.env")) {
			action += " For a proxy or a local simulator, keep cobo.env and set cobo.base-url and "
					+ "cobo.response-verification.public-key.";
		}
		return new FailureAnalysis("Property " + name + " is " + given + origin + ", which is not one of: " + values
				+ ".", action, cause);
	}

}
