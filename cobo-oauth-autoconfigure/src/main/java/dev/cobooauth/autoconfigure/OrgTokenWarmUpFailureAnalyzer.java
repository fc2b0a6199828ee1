package dev.cobooauth.autoconfigure;

import dev.cobooauth.oauth2.CoboTokenException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains an application stopped by {@code cobo.app.fail-fast}: the org whose Org Access Token
 * could not be obtained at startup, what Cobo answered, and what to do: make Cobo give the token
 * when it refused, make Cobo (or the token store) reachable when it did not answer, or start anyway.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgTokenWarmUpFailureAnalyzer extends AbstractFailureAnalyzer<OrgTokenWarmUpException> {

	private static final String START_ANYWAY = " To start anyway, set cobo.app.fail-fast=false: the org's token is "
			+ "then fetched at its first call.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OrgTokenWarmUpException cause) {
		CoboTokenException failure = findCause(cause, CoboTokenException.class);
		String why = (failure != null) ? failure.getError().getDescription() : causeMessage(cause);
		String description = "The Org Access Token of org " + cause.getOrg()
				+ " could not be obtained at startup, and cobo.app.fail-fast is on: " + why + ".";
		return new FailureAnalysis(description, isRefusal(failure) ? refused(cause.getOrg()) : notObtained(), cause);
	}

	/** Cobo answered with an error that trying again does not change: the app, its key or the org is wrong. */
	private static boolean isRefusal(@Nullable CoboTokenException failure) {
		return failure != null && failure.getCoboError() != null && !failure.isTransient();
	}

	private static String refused(String org) {
		return "Check that org " + org + " has installed the Portal App and is the org you meant, and that "
				+ "cobo.app.client-id and the app key (cobo.app.private-key or cobo.app.private-key-location, of "
				+ "cobo.app.key-type) are that app's in cobo.env." + START_ANYWAY;
	}

	private static String notObtained() {
		return "Check that Cobo (cobo.env, or cobo.base-url with its cobo.response-verification.public-key) can be "
				+ "reached and, with cobo.token-store.type=jdbc, the database too, then start again." + START_ANYWAY;
	}

	private static String causeMessage(OrgTokenWarmUpException cause) {
		Throwable failure = cause.getCause();
		return (failure != null && failure.getMessage() != null) ? failure.getMessage() : String.valueOf(failure);
	}

}
