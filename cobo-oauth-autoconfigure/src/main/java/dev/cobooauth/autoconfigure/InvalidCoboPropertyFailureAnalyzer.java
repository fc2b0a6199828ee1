package dev.cobooauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains every startup failure the starter's own checks raise (a missing client id, a base URL
 * without its response key, a malformed base URL, an empty permission type, a JDBC token store
 * without a DataSource...): which property, what is wrong, what to do.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidCoboPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCoboPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCoboPropertyException cause) {
		return new FailureAnalysis(
				"Cobo is misconfigured: property " + cause.getProperty() + " " + cause.getProblem() + ".",
				cause.getAction(), cause);
	}

}
