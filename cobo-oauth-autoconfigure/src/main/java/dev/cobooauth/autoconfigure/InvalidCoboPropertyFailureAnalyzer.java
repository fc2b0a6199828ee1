package dev.cobooauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains every startup failure the starter's own checks raise: a value refused when
 * {@code cobo.*} is bound ({@link CoboPropertiesValidator}), and what only building tells (a
 * missing client id, a key file that does not exist, a JDBC token store without a DataSource...).
 * It names the property, the value given (never a key's), what is wrong and what to do.
 * <p>
 * A value refused while binding reaches Spring Boot wrapped in its
 * {@link org.springframework.boot.context.properties.bind.BindException}, which Boot's own
 * {@code BindFailureAnalyzer} would explain in general terms; the highest precedence lets this
 * one answer first, as Boot sorts the analyzers by their order.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidCoboPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCoboPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCoboPropertyException cause) {
		String value = (cause.getValue() != null) ? "; the value given is " + cause.getValue() : "";
		return new FailureAnalysis(
				"Cobo is misconfigured: property " + cause.getProperty() + " " + cause.getProblem() + value + ".",
				cause.getAction(), cause);
	}

}
